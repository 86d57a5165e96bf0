package ch.ontrack.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/** Each image as built from the unchanged Dockerfiles: user, entrypoint, labels, layers, size. */
class ImageContentsIT {

    static final List<String> APPS = Images.APPS;

    @BeforeAll
    static void podman() {
        Podman.assumeAvailable();
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void runsAsTheChartsUserWithoutAShell(String app) {
        JsonNode config = inspect(app).path("Config");
        ContainerPlan plan = Plans.plan(
                app, PodTranslationTest.SECRETS, Path.of("target/unused").toAbsolutePath());

        assertThat(config.path("User").asString()).isEqualTo(plan.runAsUser() + ":" + plan.runAsGroup());
        // exec form: the first process is the server (or the base's entrypoint, which replaces itself with nginx)
        List<String> start = Plans.JSON.convertValue(config.path("Entrypoint"), List.class);
        assertThat(start).isNotEmpty().doesNotContain("/bin/sh", "-c");
        if (Images.isBackend(app)) {
            assertThat(start).containsExactly("java", "-XX:AOTCache=/app/app.aot", "-jar", "/app/app.jar");
        } else {
            assertThat(start).containsExactly("/docker-entrypoint.sh");
            assertThat(Plans.JSON.convertValue(config.path("Cmd"), List.class))
                    .containsExactly("nginx", "-g", "daemon off;");
        }
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void carriesTheOpenContainerLabels(String app) {
        JsonNode labels = inspect(app).path("Config").path("Labels");

        assertThat(labels.path("org.opencontainers.image.title").asString()).isEqualTo(app);
        assertThat(labels.path("org.opencontainers.image.revision").asString()).isEqualTo(Git.revision(Images.root()));
        assertThat(labels.path("org.opencontainers.image.version").asString()).isEqualTo(Git.version(Images.root()));
        assertThat(labels.path("org.opencontainers.image.source").asString())
                .isNotBlank()
                .isNotEqualTo("unknown");
    }

    /** Dependencies change rarely, the application on every commit: they are separate layers, in that order. */
    @ParameterizedTest
    @FieldSource("APPS")
    void keepsTheApplicationInItsOwnTopLayer(String app) {
        List<Layer> layers =
                Layer.of(Images.image(app)).stream().filter(l -> l.size() > 0).toList();
        Layer top = layers.get(layers.size() - 1);
        if (Images.isBackend(app)) {
            // Spring Boot's layers in the Dockerfile's order: dependencies, loader, snapshot dependencies, application;
            // above them only the AOT cache the training run wrote, which depends on the application
            List<Layer> copies = layers.stream()
                    .filter(l -> l.createdBy().contains("COPY") && l.createdBy().endsWith(" in ./"))
                    .toList();
            assertThat(copies).hasSize(4);
            assertThat(copies.get(0).size()).as("dependencies layer").isGreaterThan(20_000_000L);
            assertThat(layers.get(layers.size() - 2))
                    .as("application layer below the cache")
                    .isEqualTo(copies.get(3));
            assertThat(copies.get(3).size())
                    .as("application layer")
                    .isLessThan(copies.get(0).size() / 10);
            assertThat(top.createdBy()).as("AOT cache on top").contains("AOTMode=create");
            assertThat(top.size()).as("AOT cache layer").isGreaterThan(10_000_000L);
        } else {
            // the chown of nginx's cache directory comes last and is tiny; the web app sits right below it
            assertThat(top.createdBy()).contains("chown");
            assertThat(top.size()).isLessThan(100_000L);
            assertThat(layers.get(layers.size() - 2).createdBy()).endsWith(" in /usr/share/nginx/html/");
        }
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void sizeIsRecorded(String app) throws IOException {
        long size = inspect(app).path("Size").asLong();
        assertThat(size).isPositive();
        Path record = Path.of("target/image-sizes.txt");
        Files.writeString(
                record,
                app + "\t" + size / 1_000_000 + " MB\t" + Images.image(app) + "\n",
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        System.out.println("image " + app + ": " + size / 1_000_000 + " MB");
    }

    static JsonNode inspect(String app) {
        return Plans.JSON
                .readTree(Podman.check("image", "inspect", Images.image(app)))
                .get(0);
    }

    record Layer(String createdBy, long size) {
        static List<Layer> of(String image) {
            JsonNode history = Plans.JSON.readTree(Podman.check("history", "--no-trunc", "--format", "json", image));
            List<Layer> layers = new java.util.ArrayList<>();
            history.forEach(h -> layers.add(
                    0,
                    new Layer(
                            h.path("CreatedBy").asString().strip(),
                            h.path("size").asLong())));
            return layers;
        }
    }
}
