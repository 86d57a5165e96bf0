package ch.ontrack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.launcher.pki.LocalCa;
import ch.ontrack.launcher.processes.BackendJava;
import ch.ontrack.launcher.processes.Prometheus;
import ch.ontrack.launcher.processes.S3Server;
import ch.ontrack.launcher.topology.FileStore;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import ch.ontrack.launcher.topology.Secrets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentsTest {

    @TempDir
    Path repo;

    @TempDir
    Path data;

    @Test
    void backendJvmOptionsFromTheEnvironmentComeAfterTheLaunchersOwn() {
        LaunchOptions options = LaunchOptions.defaults(
                Path.of("/repo"), Map.of("LOCAL_BACKEND_JVM_OPTIONS", " -XX:TieredStopAtLevel=4  -Xmx512m "));

        for (String backend : LocalTopology.BACKENDS) {
            assertThat(Components.command(options, backend, BackendJava.forThisMachine(), Map.of(), data))
                    .containsSubsequence("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4");
        }
    }

    @Test
    void theS3ServerRunsOnlyWithTheS3StoreAndBeforeTheBackends() {
        Secrets secrets = Secrets.loadOrCreate(data);
        LocalCa ca = LocalCa.loadOrCreate(data.resolve("ca"));
        LaunchOptions options = LaunchOptions.forTests(repo, data);

        assertThat(Components.create(options, secrets, ca)).doesNotContainKey(S3Server.NAME);
        assertThat(Components.create(options.withFileStore(FileStore.S3), secrets, ca))
                .containsKey(S3Server.NAME);
        for (String backend : LocalTopology.BACKENDS) {
            assertThat(Components.DEPENDS_ON.get(backend)).contains(S3Server.NAME);
        }
    }

    @Test
    void withoutPrometheusInstalledThereIsNoPrometheusComponent() {
        LaunchOptions options = LaunchOptions.forTests(repo, data).withMonitoring(true);

        LaunchOptions resolved = Prometheus.resolve(options, Optional.empty(), said -> {});

        assertThat(Components.create(resolved, Secrets.loadOrCreate(data), LocalCa.loadOrCreate(data.resolve("ca"))))
                .doesNotContainKey(Prometheus.NAME);
    }
}
