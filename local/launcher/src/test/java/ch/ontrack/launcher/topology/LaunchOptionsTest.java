package ch.ontrack.launcher.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.ontrack.launcher.component.LaunchException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchOptionsTest {

    private final Path root = Path.of("/repo");

    @Test
    void backendJvmOptionsFromTheEnvironmentGoToBothBackends() {
        LaunchOptions options = LaunchOptions.defaults(
                root, Map.of("LOCAL_BACKEND_JVM_OPTIONS", " -XX:TieredStopAtLevel=4  -Xmx512m "));

        for (String backend : LocalTopology.BACKENDS) {
            assertThat(options.jvmOptions().get(backend)).containsExactly("-XX:TieredStopAtLevel=4", "-Xmx512m");
        }
    }

    @Test
    void databasesAreDurableUnlessFastIsAskedFor() {
        assertThat(LaunchOptions.defaults(root, Map.of()).durableDatabases()).isTrue();
        assertThat(LaunchOptions.defaults(root, Map.of("LOCAL_FAST_DB", "true")).durableDatabases())
                .isFalse();
        assertThat(LaunchOptions.defaults(root, Map.of("LOCAL_FAST_DB", "no")).durableDatabases())
                .isTrue();
    }

    @Test
    void withoutTheVariableTheBackendsGetOnlyTheLaunchersOptions() {
        assertThat(LaunchOptions.defaults(root, Map.of()).jvmOptions()).isEmpty();
    }

    @Test
    void aCollectorFromTheEnvironmentGetsBothBackendsTraces() {
        LaunchOptions options = LaunchOptions.defaults(
                root,
                Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT",
                        " http://localhost:4318 ",
                        "TRACING_SAMPLING_PROBABILITY",
                        "0.5"));

        for (String backend : LocalTopology.BACKENDS) {
            assertThat(options.extraEnv().get(backend))
                    .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318")
                    .containsEntry("TRACING_SAMPLING_PROBABILITY", "0.5");
        }
        assertThat(LaunchOptions.defaults(root, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "))
                        .extraEnv())
                .isEmpty();
    }

    @Test
    void theFileStoreIsPostgresUntilS3IsAskedForAndThenRemembered(@TempDir Path data) {
        LaunchOptions defaults = LaunchOptions.defaults(root, Map.of("LOCAL_DATA_DIR", data.toString()));
        assertThat(defaults.withUpArguments(List.of("up")).fileStore()).isEqualTo(FileStore.POSTGRES);

        LaunchOptions s3 = defaults.withUpArguments(List.of("up", "--file-store", "s3", "--fast-db"));
        assertThat(s3.fileStore()).isEqualTo(FileStore.S3);
        assertThat(s3.durableDatabases()).isFalse();
        s3.fileStore().remember(data);

        assertThat(defaults.withUpArguments(List.of("up")).fileStore()).isEqualTo(FileStore.S3);
        assertThat(defaults.withUpArguments(List.of("up", "--file-store", "postgres"))
                        .fileStore())
                .isEqualTo(FileStore.POSTGRES);
    }

    @Test
    void anUnknownOrMissingFileStoreIsAPlainError() {
        LaunchOptions defaults = LaunchOptions.defaults(root, Map.of("LOCAL_DATA_DIR", "/nonexistent"));
        assertThatThrownBy(() -> defaults.withUpArguments(List.of("up", "--file-store", "minio")))
                .isInstanceOf(LaunchException.class)
                .hasMessage("Unknown file store 'minio': use --file-store postgres or --file-store s3.");
        assertThatThrownBy(() -> defaults.withUpArguments(List.of("up", "--file-store")))
                .isInstanceOf(LaunchException.class)
                .hasMessage("--file-store needs a value: postgres or s3.");
    }

    @Test
    void portsAndDataFolderCanBeChanged() {
        LaunchOptions options = LaunchOptions.defaults(
                root, Map.of("LOCAL_GATEWAY_HTTPS_PORT", "9443", "LOCAL_DATA_DIR", "/tmp/somewhere"));

        assertThat(options.httpsPort()).isEqualTo(9443);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/somewhere"));
        assertThat(options.siteUrl("client").toString()).isEqualTo("https://client.localhost:9443");
    }

    @Test
    void aPortThatIsNotANumberIsAPlainError() {
        assertThatThrownBy(() -> LaunchOptions.defaults(root, Map.of("LOCAL_GATEWAY_HTTPS_PORT", "https")))
                .isInstanceOf(LaunchException.class)
                .hasMessage("LOCAL_GATEWAY_HTTPS_PORT=https is not a port number (1-65535).");
    }
}
