package ch.ontrack.launcher.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTopologyTest {

    @Test
    void backendsGetExactlyTheContractsVariables() {
        assertThat(LocalTopology.environmentVariableNames(FileStore.POSTGRES).get("client-backend"))
                .containsExactlyInAnyOrder(
                        "SERVER_PORT",
                        "MANAGEMENT_PORT",
                        "INTERNAL_PORT",
                        "DB_HOST",
                        "DB_PORT",
                        "DB_NAME",
                        "DB_USERNAME",
                        "DB_PASSWORD",
                        "INTERNAL_API_SECRET",
                        "UPLOAD_MAX_FILE_SIZE",
                        "UPLOAD_MAX_DOCUMENT_SIZE",
                        "SHARE_SESSION_TIMEOUT",
                        "UNLOCK_MAX_ATTEMPTS",
                        "UNLOCK_RATE_LIMIT_PER_MINUTE",
                        "TRUSTED_PROXIES",
                        "OTEL_EXPORTER_OTLP_ENDPOINT",
                        "TRACING_SAMPLING_PROBABILITY",
                        "FILE_STORE",
                        "FILE_ENCRYPTION_KEYS");
        assertThat(LocalTopology.environmentVariableNames(FileStore.POSTGRES).get("provider-backend"))
                .contains(
                        "CLIENT_INTERNAL_URL",
                        "ACCESS_CODE_ENCRYPTION_KEY",
                        "SMTP_PORT",
                        "DELIVERY_RETRY_INTERVAL",
                        "TRUSTED_PROXIES",
                        "OTEL_EXPORTER_OTLP_ENDPOINT",
                        "TRACING_SAMPLING_PROBABILITY")
                .doesNotContain("INTERNAL_PORT");
    }

    @Test
    void theProviderBackendReachesTheClientBackendsInternalPortDirectly() {
        LaunchOptions options = LaunchOptions.forTests(Path.of("."), Path.of("target/none"));
        var env = LocalTopology.environment(
                "provider-backend",
                new LocalTopology.Wiring(options, Secrets.loadOrCreate(Path.of("target/topology-test"))));
        assertThat(env.get("CLIENT_INTERNAL_URL"))
                .isEqualTo("http://127.0.0.1:" + options.port("client-backend", "internal"));
        assertThat(env.get("CLIENT_PUBLIC_URL")).isEqualTo("https://client.localhost:" + options.httpsPort());
    }

    @Test
    void withS3EachBackendUsesItsOwnBucketInTheLocalServerAndBothTheGeneratedKeys() {
        LaunchOptions options =
                LaunchOptions.forTests(Path.of("."), Path.of("target/none")).withFileStore(FileStore.S3);
        Secrets secrets = Secrets.loadOrCreate(Path.of("target/topology-test"));
        for (String backend : LocalTopology.BACKENDS) {
            var env = LocalTopology.environment(backend, new LocalTopology.Wiring(options, secrets));
            assertThat(env)
                    .containsEntry("FILE_STORE", "s3")
                    .containsEntry("S3_ENDPOINT", "http://127.0.0.1:" + options.port("object-store", "s3"))
                    .containsEntry(
                            "S3_BUCKET",
                            backend.startsWith("provider") ? "oc-local-provider-files" : "oc-local-client-files")
                    .containsEntry("S3_PATH_STYLE", "true")
                    .containsEntry("S3_REGION", "eu-central-2")
                    .containsEntry("S3_ACCESS_KEY_ID", secrets.objectStoreAccessKey())
                    .containsEntry("S3_SECRET_ACCESS_KEY", secrets.objectStoreSecretKey());
            assertThat(env.get("FILE_ENCRYPTION_KEYS")).matches("k1:[A-Za-z0-9+/]{43}=");
            assertThat(LocalTopology.environmentVariableNames(FileStore.S3).get(backend))
                    .containsAll(env.keySet());
        }
        assertThat(LocalTopology.environment(
                        "client-backend", new LocalTopology.Wiring(options.withFileStore(FileStore.POSTGRES), secrets)))
                .containsEntry("FILE_STORE", "postgres")
                .doesNotContainKey("S3_ENDPOINT");
    }

    @Test
    void theGeneratedKeysAreKeptAcrossStarts(@TempDir Path data) {
        Secrets first = Secrets.loadOrCreate(data);

        assertThat(Secrets.loadOrCreate(data).fileEncryptionKeys()).isEqualTo(first.fileEncryptionKeys());
        assertThat(Secrets.loadOrCreate(data).objectStoreSecretKey()).isEqualTo(first.objectStoreSecretKey());
        assertThat(Secrets.loadOrCreate(data.resolve("other")).fileEncryptionKeys())
                .isNotEqualTo(first.fileEncryptionKeys());
    }

    @Test
    void apiPathsGoToBackendsAndEverythingElseToFrontends() {
        assertThat(LocalTopology.routes())
                .containsExactly(
                        new Route("provider", "/api", "provider-backend"),
                                new Route("provider", "/", "provider-frontend"),
                        new Route("client", "/api", "client-backend"), new Route("client", "/", "client-frontend"));
        assertThat(new Route("provider", "/api", "x").matches("/apis")).isFalse();
        assertThat(new Route("provider", "/api", "x").matches("/api")).isTrue();
    }
}
