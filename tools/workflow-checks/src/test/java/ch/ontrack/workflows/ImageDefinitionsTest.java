package ch.ontrack.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Images cannot be built on the development machines; these rules are checked on the files. */
class ImageDefinitionsTest {

    private static final Pattern DIGEST_PINNED = Pattern.compile("[\\w./-]+:[\\w.-]+@sha256:[0-9a-f]{64}");
    private static final Pattern USER = Pattern.compile("(\\d+)(?::(\\d+))?");
    private static final Pattern LABEL = Pattern.compile("(org\\.opencontainers\\.image\\.\\w+)=\"\\$\\{(\\w+)}\"");

    private static Dockerfile image(String kind) {
        return Dockerfile.parse(Repo.read("deploy/images/" + kind + ".Dockerfile"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"backend", "frontend"})
    void baseImagesArePinnedByDigestAndOverridableAtBuildTime(String kind) {
        Dockerfile file = image(kind);
        Set<String> stageNames =
                file.stages().stream().map(Dockerfile.Stage::name).collect(Collectors.toSet());

        for (Dockerfile.Stage stage : file.stages()) {
            assertThat(stage.from()).as("FROM of " + kind).startsWith("${");
            String base = file.resolve(stage.from());
            if (!stageNames.contains(base)) {
                assertThat(base).as(kind).matches(DIGEST_PINNED).doesNotContain(":latest");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"backend", "frontend"})
    void runsAsANumericUserAboveTenThousand(String kind) {
        List<String> users = image(kind).last().all("USER");
        Matcher m = USER.matcher(users.get(users.size() - 1));

        assertThat(m.matches()).as("numeric USER in " + kind).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isGreaterThan(10000);
        assertThat(m.group(2)).isNotNull();
        assertThat(Integer.parseInt(m.group(2))).isGreaterThan(10000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"backend", "frontend"})
    void carriesOciSourceRevisionAndVersionFromBuildArgs(String kind) {
        Dockerfile.Stage last = image(kind).last();
        Set<String> args = last.all("ARG").stream().map(a -> a.split("=")[0]).collect(Collectors.toSet());
        String labels = String.join(" ", last.all("LABEL"));

        for (String key : List.of("source", "revision", "version")) {
            Matcher m = LABEL.matcher(labels);
            boolean found = false;
            while (m.find()) {
                if (m.group(1).equals("org.opencontainers.image." + key)) {
                    assertThat(args).as(kind + " " + key).contains(m.group(2));
                    found = true;
                }
            }
            assertThat(found).as(kind + " label " + key).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"backend", "frontend"})
    void oneDefinitionServesBothAppsThroughTheAppBuildArg(String kind) {
        String text = Repo.read("deploy/images/" + kind + ".Dockerfile");
        String body = text.lines().filter(l -> !l.strip().startsWith("#")).collect(Collectors.joining("\n"));

        assertThat(body).contains("apps/${APP}/").doesNotContain("provider-", "client-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"backend", "frontend"})
    void buildContextIsLimitedToWhatTheImageCopies(String kind) {
        List<String> ignore = Repo.read("deploy/images/" + kind + ".Dockerfile.dockerignore")
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();

        assertThat(ignore.get(0)).isEqualTo("*");
        assertThat(ignore.subList(1, ignore.size())).allMatch(l -> l.startsWith("!apps/"));
    }

    @Test
    void backendIsLayeredSoACodeChangeRebuildsOnlyTheTopLayers() {
        Dockerfile file = image("backend");
        String extract = String.join(" ", file.stages().get(0).all("RUN"));
        List<String> copies = file.last().all("COPY");

        // without --launcher: app.jar and lib/, the class path an AOT cache can hold
        assertThat(extract).contains("-Djarmode=tools", "extract", "--layers").doesNotContain("--launcher");
        assertThat(copies)
                .containsExactly(
                        "--from=extract /extract/layers/dependencies/ ./",
                        "--from=extract /extract/layers/spring-boot-loader/ ./",
                        "--from=extract /extract/layers/snapshot-dependencies/ ./",
                        "--from=extract /extract/layers/application/ ./");
        assertThat(file.last().all("ENTRYPOINT"))
                .containsExactly("[\"java\", \"-XX:AOTCache=/app/app.aot\", \"-jar\", \"/app/app.jar\"]");
    }

    /** The one RUN of the final stage is the AOT cache's training run, with the JVM settings the entry point gets. */
    @Test
    void backendTrainsItsAotCacheWithoutADatabaseBeforeDroppingRoot() {
        Dockerfile.Stage last = image("backend").last();
        List<String> runs = last.all("RUN");

        assertThat(runs).hasSize(1);
        assertThat(runs.get(0))
                .contains(
                        "-XX:AOTMode=record",
                        "-Dspring.context.exit=onRefresh",
                        "-Dspring.flyway.enabled=false",
                        "-XX:AOTMode=create",
                        "-XX:AOTCache=/app/app.aot",
                        "-jar /app/app.jar");
        assertThat(last.all("ENV")).anyMatch(e -> e.startsWith("JAVA_TOOL_OPTIONS="));
    }

    @Test
    void frontendServesTheBuiltFilesWithTheSharedNginxConfigurationOnPort8080() {
        Dockerfile.Stage last = image("frontend").last();

        assertThat(image("frontend").resolve(last.from())).startsWith("nginxinc/nginx-unprivileged:");
        assertThat(last.all("COPY"))
                .anyMatch(c -> c.startsWith("apps/frontend-nginx/"))
                .anyMatch(c -> c.startsWith("apps/${APP}/dist/ /usr/share/nginx/html/"));
        assertThat(last.all("EXPOSE")).containsExactly("8080");
    }
}
