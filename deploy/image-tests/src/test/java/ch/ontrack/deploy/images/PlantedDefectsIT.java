package ch.ontrack.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliberately broken variants of the images, run as the chart runs the real ones: each fails with a message
 * naming the container and the cause. Probes run every second here, so a failure takes seconds, not minutes.
 */
class PlantedDefectsIT {

    static ContainerPlatform network;

    @BeforeAll
    static void start() {
        Podman.assumeAvailable();
        network = ContainerPlatform.create();
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void aBackendThatWritesOutsideItsWritableMountsFails() {
        String image = Images.variant(
                "provider-backend",
                "tmpdir-in-app",
                "ENV JAVA_TOOL_OPTIONS=\"-XX:MaxRAMPercentage=25 -Djava.io.tmpdir=/app\"");

        assertThatThrownBy(() -> run("provider-backend", image))
                .hasMessageStartingWith("container backend (" + image + "): exited with code")
                .hasMessageContaining("cause: it writes outside its writable mounts [/tmp]");
    }

    @Test
    void aMissingFileInTheImageFails() {
        String image =
                Images.variant("client-backend", "no-app-jar", "USER root", "RUN rm /app/app.jar", "USER 10001:10001");

        assertThatThrownBy(() -> run("client-backend", image))
                .hasMessageStartingWith("container backend (" + image + "): exited with code")
                .hasMessageContaining("cause: a file is missing in the image")
                .hasMessageContaining("/app/app.jar");
    }

    @Test
    void aWebServerOnTheWrongPortFails() {
        String image = Images.variant(
                "client-frontend",
                "port-8081",
                "USER root",
                "RUN sed -i 's/listen 8080 /listen 8081 /' /etc/nginx/conf.d/default.conf",
                "USER 10001:10001",
                "EXPOSE 8081");

        assertThatThrownBy(() -> run("client-frontend", image))
                .hasMessageStartingWith("container frontend (" + image + "): startupProbe GET http://")
                .hasMessageContaining(":8080/healthz failed 36 times")
                .hasMessageContaining("nothing listens on port 8080 (it listens on [8081])");
    }

    @Test
    void anNginxThatCannotStartOnAReadOnlyRootFails() {
        String image = Images.variant(
                "provider-frontend",
                "pid-in-run",
                "USER root",
                "RUN sed -i 's|^pid .*|pid /run/nginx.pid;|' /etc/nginx/nginx.conf",
                "USER 10001:10001");

        assertThatThrownBy(() -> run("provider-frontend", image))
                .hasMessageStartingWith("container frontend (" + image + "): exited with code 1")
                .hasMessageContaining("cause: it writes outside its writable mounts [/tmp]")
                .hasMessageContaining("/run/nginx.pid");
    }

    @Test
    void aMissingDistFolderFailsTheBuildNamingTheApp(@TempDir Path context) throws Exception {
        Path nginx = Files.createDirectories(context.resolve("apps/frontend-nginx"));
        Files.copy(Images.root().resolve("apps/frontend-nginx/default.conf"), nginx.resolve("default.conf"));

        assertThatThrownBy(() -> Images.buildOrFail("client-frontend", context, "oc-client-frontend-no-dist:test"))
                .hasMessageStartingWith("image client-frontend failed to build:")
                .hasMessageContaining("apps/client-frontend/dist");
    }

    @Test
    void theRealImagesPassTheSameChecks() {
        for (String app : Images.APPS) {
            if (!Images.isBackend(app)) { // the backends need their database: the container flow test runs them
                Pod pod = network.startContainer(app, plan(app).withImage(Images.image(app)));
                pod.awaitReady();
                assertThat(pod.running()).isTrue();
            }
        }
    }

    private static void run(String app, String image) {
        network.startContainer(app, plan(app).withImage(image)).awaitReady();
    }

    private static ContainerPlan plan(String app) {
        return Plans.plan(
                        app,
                        PodTranslationTest.SECRETS,
                        Path.of("target/defect-volumes").toAbsolutePath())
                .withFastProbes();
    }
}
