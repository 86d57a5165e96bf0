package ch.ontrack.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every version pinned in the repository is one Renovate updates: each pin found below must be matched by a custom
 * regex manager of .github/renovate.json (its managerFilePatterns and matchStrings applied here, capturing the pinned
 * value) or belong to a built-in manager the configuration enables.
 */
class RenovateCoverageTest {

    private static final Pattern GITHUB_ACTIONS_FILES = Pattern.compile(
            "(^|/)(workflow-templates|\\.(?:github|gitea|forgejo)/(?:workflows|actions))/.+\\.ya?ml$|(^|/)action\\.ya?ml$");

    /** A pinned version: where, and the value Renovate must capture. */
    record Pin(String file, String value) {}

    /** Policy, not a dependency: the supported Kubernetes minors are chosen, the add-ons follow (CompatibilityTest). */
    private static final List<String> NOT_PINS = List.of("KUBERNETES_MIN", "KUBERNETES_MAX");

    private static final Pattern ENV_LINE = Pattern.compile("(?m)^([A-Z_]+)=(?:[^:\\n]+:)?([^@\\s]+)");
    private static final Pattern ARG_IMAGE = Pattern.compile("(?m)^ARG [A-Z_]+_IMAGE=[^:\\s]+:([^@\\s]+)@");
    private static final Pattern IMAGE_NAME = Pattern.compile("(?m)^\\s*imageName: [^:\\s]+:([^@\\s]+)");
    private static final Pattern USES = Pattern.compile("uses:\\s*([\\w.-]+/[\\w./-]+)@([0-9a-f]{40})");
    private static final Pattern CONTAINER = Pattern.compile("(?m)^\\s+container:\\s*\\n\\s+image:\\s*(\\S+)");

    @Test
    void renovateUpdatesEveryPinInTheRepository() {
        List<Pin> pins = pins();

        assertThat(pins).hasSizeGreaterThan(25);
        assertThat(uncovered(pins, config())).isEmpty();
    }

    @Test
    void aVersionWithoutItsRenovateCommentIsReported() {
        Map<String, Object> config = config();
        String content =
                "# renovate: datasource=github-releases depName=helm/helm\nHELM_VERSION=v3.21.4\nYQ_VERSION=v4.44.0\n";

        assertThat(uncovered(
                        List.of(
                                new Pin("deploy/bootstrap/versions.env", "v3.21.4"),
                                new Pin("deploy/bootstrap/versions.env", "v4.44.0")),
                        config,
                        content))
                .singleElement()
                .asString()
                .contains("v4.44.0");
    }

    @Test
    void dependabotIsNotPromisedAnywhere() {
        for (String file : List.of(
                "deploy/images/backend.Dockerfile",
                "deploy/images/frontend.Dockerfile",
                ".github/workflows/README.md",
                "docs/deployment.md")) {
            assertThat(Repo.read(file)).as(file).doesNotContainIgnoringCase("dependabot");
        }
    }

    static List<Pin> pins() {
        List<Pin> pins = new ArrayList<>();
        String versions = "deploy/bootstrap/versions.env";
        Matcher env = ENV_LINE.matcher(Repo.read(versions));
        while (env.find()) {
            if (!NOT_PINS.contains(env.group(1))) {
                pins.add(new Pin(versions, env.group(2)));
            }
        }
        for (String dockerfile : List.of("deploy/images/backend.Dockerfile", "deploy/images/frontend.Dockerfile")) {
            Matcher arg = ARG_IMAGE.matcher(Repo.read(dockerfile));
            while (arg.find()) {
                pins.add(new Pin(dockerfile, arg.group(1)));
            }
        }
        String values = "deploy/charts/oc-platform/values.yaml";
        Matcher image = IMAGE_NAME.matcher(Repo.read(values));
        while (image.find()) {
            pins.add(new Pin(values, image.group(1)));
        }
        for (String file : Repo.actionUsers()) {
            Matcher uses = USES.matcher(Repo.read(file));
            while (uses.find()) {
                pins.add(new Pin(file, "uses " + uses.group(1)));
            }
            Matcher container = CONTAINER.matcher(Repo.read(file));
            while (container.find()) {
                pins.add(new Pin(file, "container " + container.group(1)));
            }
        }
        return pins;
    }

    static List<String> uncovered(List<Pin> pins, Map<String, Object> config) {
        List<String> uncovered = new ArrayList<>();
        for (Pin pin : pins) {
            uncovered.addAll(uncovered(List.of(pin), config, Repo.read(pin.file())));
        }
        return uncovered;
    }

    @SuppressWarnings("unchecked")
    static List<String> uncovered(List<Pin> pins, Map<String, Object> config, String content) {
        List<String> enabled = (List<String>) config.get("enabledManagers");
        List<String> uncovered = new ArrayList<>();
        for (Pin pin : pins) {
            boolean covered;
            if (pin.value().startsWith("uses ") || pin.value().startsWith("container ")) {
                // Renovate's github-actions manager: action references and job container images in workflows and
                // composite actions (its default managerFilePatterns,
                // docs.renovatebot.com/modules/manager/github-actions).
                covered = enabled.contains("github-actions")
                        && GITHUB_ACTIONS_FILES.matcher(pin.file()).find();
            } else {
                covered = enabled.contains("custom.regex")
                        && ((List<Map<String, Object>>) config.get("customManagers"))
                                .stream().anyMatch(manager -> captures(manager, pin, content));
            }
            if (!covered) {
                uncovered.add(pin.file() + ": " + pin.value() + " is pinned but no Renovate manager updates it");
            }
        }
        return uncovered;
    }

    @SuppressWarnings("unchecked")
    private static boolean captures(Map<String, Object> manager, Pin pin, String content) {
        boolean fileMatches = ((List<String>) manager.get("managerFilePatterns"))
                .stream()
                        .map(p -> p.substring(1, p.length() - 1))
                        .anyMatch(p -> Pattern.compile(p).matcher(pin.file()).find());
        if (!fileMatches) {
            return false;
        }
        for (String regex : (List<String>) manager.get("matchStrings")) {
            Matcher m = Pattern.compile(regex).matcher(content);
            while (m.find()) {
                if (pin.value().equals(m.group("currentValue"))) {
                    boolean named = regex.contains("(?<depName>") || manager.containsKey("depNameTemplate");
                    boolean source = regex.contains("(?<datasource>") || manager.containsKey("datasourceTemplate");
                    return named && source;
                }
            }
        }
        return false;
    }

    static Map<String, Object> config() {
        return new Yaml().load(Repo.read(".github/renovate.json"));
    }

    static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
