package ch.ontrack.launcher.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalTopologyTest {

  @Test
  void backendsGetExactlyTheContractsVariables() {
    assertThat(LocalTopology.environmentVariableNames().get("client-backend")).containsExactlyInAnyOrder(
        "SERVER_PORT", "MANAGEMENT_PORT", "INTERNAL_PORT", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USERNAME",
        "DB_PASSWORD", "CLIENT_PUBLIC_URL", "INTERNAL_API_SECRET", "UPLOAD_MAX_FILE_SIZE",
        "UPLOAD_MAX_DOCUMENT_SIZE", "SHARE_SESSION_TIMEOUT", "UNLOCK_MAX_ATTEMPTS", "UNLOCK_RATE_LIMIT_PER_MINUTE",
        "TRUSTED_PROXIES", "OTEL_EXPORTER_OTLP_ENDPOINT", "TRACING_SAMPLING_PROBABILITY");
    assertThat(LocalTopology.environmentVariableNames().get("provider-backend"))
        .contains("CLIENT_INTERNAL_URL", "ACCESS_CODE_ENCRYPTION_KEY", "SMTP_PORT", "DELIVERY_RETRY_INTERVAL", "TRUSTED_PROXIES",
            "OTEL_EXPORTER_OTLP_ENDPOINT", "TRACING_SAMPLING_PROBABILITY")
        .doesNotContain("INTERNAL_PORT");
  }

  @Test
  void theProviderBackendReachesTheClientBackendsInternalPortDirectly() {
    LaunchOptions options = LaunchOptions.forTests(Path.of("."), Path.of("target/none"));
    var env = LocalTopology.environment("provider-backend",
        new LocalTopology.Wiring(options, Secrets.loadOrCreate(Path.of("target/topology-test"))));
    assertThat(env.get("CLIENT_INTERNAL_URL")).isEqualTo("http://127.0.0.1:" + options.port("client-backend", "internal"));
    assertThat(env.get("CLIENT_PUBLIC_URL")).isEqualTo("https://client.localhost:" + options.httpsPort());
  }

  @Test
  void apiPathsGoToBackendsAndEverythingElseToFrontends() {
    assertThat(LocalTopology.routes()).containsExactly(
        new Route("provider", "/api", "provider-backend"), new Route("provider", "/", "provider-frontend"),
        new Route("client", "/api", "client-backend"), new Route("client", "/", "client-frontend"));
    assertThat(new Route("provider", "/api", "x").matches("/apis")).isFalse();
    assertThat(new Route("provider", "/api", "x").matches("/api")).isTrue();
  }
}
