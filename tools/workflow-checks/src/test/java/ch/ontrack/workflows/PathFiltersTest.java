package ch.ontrack.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each workflow runs on exactly what its output is built from, derived here from the build itself: the module's
 * Maven dependencies on other modules (transitively), its npm workspace dependencies, the root build files, and the
 * image definition with its .dockerignore and whatever else its Dockerfile copies.
 */
class PathFiltersTest {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern DEPENDENCY = Pattern.compile("(?s)<dependency>(.*?)</dependency>");
    private static final Pattern OUR_ARTIFACT =
            Pattern.compile("(?s)<groupId>ch\\.ontrack</groupId>.*?<artifactId>([^<]+)</artifactId>");
    private static final Pattern TEST_SCOPE = Pattern.compile("<scope>test</scope>");
    private static final Pattern ARTIFACT =
            Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>", Pattern.DOTALL);
    private static final Pattern COPY = Pattern.compile("(?m)^COPY (?!--from)(\\S+)");
    /** The reusable workflow and the composite action every app workflow runs through. */
    static final List<String> BUILDING_BLOCKS =
            List.of(".github/workflows/build-app.yml", ".github/actions/setup-toolchain/**");

    private static final List<String> NPM_ROOT =
            List.of("package.json", "package-lock.json", ".npmrc", "tsconfig.base.json");

    @ParameterizedTest
    @ValueSource(strings = {"provider-backend", "client-backend", "provider-frontend", "client-frontend"})
    void anAppsImageInputsAreDerivedFromItsBuild(String app) {
        assertThat(Set.copyOf(Repo.read("deploy/release/inputs/" + app + ".paths")
                        .lines()
                        .toList()))
                .isEqualTo(imageInputs(app));
    }

    /** The image's inputs and what the app's tests are built from as well (test-scoped modules such as api-client). */
    @ParameterizedTest
    @ValueSource(strings = {"provider-backend", "client-backend", "provider-frontend", "client-frontend"})
    void anAppWorkflowRunsOnExactlyItsInputs(String app) {
        Set<String> expected = new LinkedHashSet<>(imageInputs(app));
        expected.addAll(moduleInputs("apps/" + app, true));
        expected.add(".github/workflows/" + app + ".yml");
        expected.addAll(BUILDING_BLOCKS);

        assertThat(Set.copyOf(filters(app + ".yml", "pull_request"))).isEqualTo(expected);
    }

    @Test
    void theDeployWorkflowRunsOnEveryInputOfWhatItDeploys() {
        Set<String> required = new LinkedHashSet<>();
        for (String app : List.of("provider-backend", "client-backend", "provider-frontend", "client-frontend")) {
            required.addAll(imageInputs(app));
        }
        required.addAll(moduleInputs("tools/smoke-test"));
        required.addAll(List.of(
                "deploy/charts/oc-platform/**",
                "deploy/environments/**",
                "deploy/release/**",
                "deploy/bootstrap/versions.env",
                ".github/workflows/deploy.yml",
                ".github/actions/setup-toolchain/**"));

        assertThat(uncovered(filters("deploy.yml", "push"), required)).isEmpty();
    }

    @Test
    void theChartsWorkflowRunsOnEveryInputOfItsTestsAndImages() {
        Set<String> required = new LinkedHashSet<>(moduleInputs("deploy/chart-tests"));
        for (String app : List.of("provider-backend", "client-backend", "provider-frontend", "client-frontend")) {
            required.addAll(imageInputs(app));
        }
        required.addAll(moduleInputs("tools/smoke-test"));
        required.addAll(List.of("deploy/**", ".github/workflows/charts.yml", ".github/actions/setup-toolchain/**"));

        for (String event : List.of("push", "pull_request")) {
            assertThat(uncovered(filters("charts.yml", event), required))
                    .as(event)
                    .isEmpty();
        }
    }

    @Test
    void aFilterThatMissesAnInputIsReported() {
        List<String> filters = List.of("apps/provider-backend/**", "pom.xml", "deploy/images/backend.Dockerfile");

        assertThat(uncovered(filters, imageInputs("provider-backend")))
                .containsExactlyInAnyOrder("libs/web-support/**", "deploy/images/backend.Dockerfile.dockerignore");
    }

    @Test
    void aTestScopedModuleIsAnInputOfTheTestsButNotOfTheImage() {
        assertThat(moduleInputs("apps/provider-backend", true)).contains("libs/api-client/**");
        assertThat(imageInputs("provider-backend")).doesNotContain("libs/api-client/**");
    }

    /** What an app's image is built from. */
    static Set<String> imageInputs(String app) {
        Set<String> inputs = new LinkedHashSet<>(moduleInputs("apps/" + app));
        String kind = app.endsWith("-backend") ? "backend" : "frontend";
        String dockerfile = "deploy/images/" + kind + ".Dockerfile";
        inputs.add(dockerfile);
        inputs.add(dockerfile + ".dockerignore");
        Matcher copy = COPY.matcher(Repo.read(dockerfile));
        while (copy.find()) {
            String source = copy.group(1);
            if (!source.startsWith("apps/${APP}/")) {
                String[] parts = source.split("/");
                inputs.add(parts[0] + "/" + parts[1] + "/**");
            }
        }
        return inputs;
    }

    /** A Maven module, the modules it needs at run time (transitively), the root pom and its npm workspace inputs. */
    static Set<String> moduleInputs(String module) {
        return moduleInputs(module, false);
    }

    /** As {@link #moduleInputs(String)}, with the modules its tests need when {@code withTests}. */
    static Set<String> moduleInputs(String module, boolean withTests) {
        Set<String> inputs = new LinkedHashSet<>();
        inputs.add(module + "/**");
        inputs.add("pom.xml");
        Map<String, String> modules = modulesByArtifact();
        Matcher dependency = DEPENDENCY.matcher(Repo.read(module + "/pom.xml"));
        while (dependency.find()) {
            Matcher artifact = OUR_ARTIFACT.matcher(dependency.group(1));
            boolean testOnly = TEST_SCOPE.matcher(dependency.group(1)).find();
            String dir = artifact.find() ? modules.get(artifact.group(1)) : null;
            if (dir != null && (withTests || !testOnly)) {
                inputs.addAll(moduleInputs(dir, withTests));
            }
        }
        Path packageJson = Repo.ROOT.resolve(module).resolve("package.json");
        if (Files.exists(packageJson)) {
            inputs.addAll(NPM_ROOT);
            String text = Repo.read(module + "/package.json");
            for (String workspace : workspaces()) {
                String name = Repo.read(workspace + "/package.json")
                        .replaceAll("(?s).*?\"name\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                if (!workspace.equals(module) && text.contains("\"" + name + "\"")) {
                    inputs.add(workspace + "/**");
                }
            }
        }
        return inputs;
    }

    private static List<String> workspaces() {
        String root = Repo.read("package.json");
        String block = root.replaceAll("(?s).*\"workspaces\"\\s*:\\s*\\[([^]]*)].*", "$1");
        List<String> workspaces = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(block);
        while (m.find()) {
            workspaces.add(m.group(1));
        }
        return workspaces;
    }

    private static Map<String, String> modulesByArtifact() {
        Map<String, String> modules = new java.util.HashMap<>();
        Matcher module = MODULE.matcher(Repo.read("pom.xml"));
        while (module.find()) {
            Matcher artifact = ARTIFACT.matcher(Repo.read(module.group(1) + "/pom.xml"));
            if (artifact.find()) {
                modules.put(artifact.group(1), module.group(1));
            }
        }
        return modules;
    }

    static List<String> filters(String workflow, String event) {
        Object on = Repo.triggers(Repo.workflow(workflow)).get(event);
        return Repo.list(on, "paths").stream().map(String::valueOf).toList();
    }

    /** The required paths no filter covers ("dir/**" covers everything below dir). */
    static List<String> uncovered(List<String> filters, Set<String> required) {
        return required.stream()
                .filter(r -> filters.stream()
                        .noneMatch(f ->
                                f.equals(r) || f.endsWith("/**") && r.startsWith(f.substring(0, f.length() - 2))))
                .toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
