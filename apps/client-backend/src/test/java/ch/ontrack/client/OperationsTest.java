package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.web.SecurityHeaders;
import org.junit.jupiter.api.Test;

class OperationsTest extends ApiTest {

    @Test
    void publicHealthIsUpWhileTheDatabaseAnswers() {
        var response = site.exchange("GET", "/api/health", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void probesAndMetricsAreOnTheManagementPort() {
        assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
        var metrics = management.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(new String(metrics.body())).contains("jvm_memory_used_bytes");
        assertThat(site.exchange("GET", "/actuator/health", null).status()).isEqualTo(404);
    }

    @Test
    void healthGoesDownWhileTheDatabaseIsUnreachable() throws Exception {
        var share = shares.share().deliver();
        TcpProxy database = TestDatabase.proxy();
        database.cut();
        try {
            assertThat(site.exchange("GET", "/api/health", null).status()).isEqualTo(503);
            var state = site.exchange("GET", "/api/shares/" + share.token(), null);
            assertThat(state.status()).isEqualTo(503);
            assertThat(state.problemType()).isEqualTo("service-unavailable");
            assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(503);
            assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            database.restore();
        }
        // the pool reconnects on its own; poll instead of assuming how fast
        int status = 0;
        for (int i = 0; i < 60 && status != 200; i++) {
            status = site.exchange("GET", "/api/health", null).status();
            if (status != 200) {
                Thread.sleep(500);
            }
        }
        assertThat(status).isEqualTo(200);
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void openApiDescribesThePublicApiOnly() {
        var response = site.exchange("GET", "/api/openapi.json", null);

        assertThat(response.status()).isEqualTo(200);
        var paths = response.json().path("paths");
        assertThat(paths.has("/api/shares/{token}/unlock")).isTrue();
        assertThat(paths.propertyNames()).noneMatch(p -> p.startsWith("/internal"));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        var response = site.exchange("GET", "/api/shares/" + "c".repeat(43), null);

        SecurityHeaders.COMMON.forEach(
                (name, value) -> assertThat(response.header(name)).isEqualTo(value));
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }
}
