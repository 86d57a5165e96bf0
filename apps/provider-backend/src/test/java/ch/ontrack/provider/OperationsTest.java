package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.web.testing.PrometheusScrape;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

class OperationsTest extends ApiTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void healthIsPublicAndUp() {
        var health = browser().get("/api/health").expect(200);
        assertThat(JsonPath.<String>read(health.text(), "$.status")).isEqualTo("UP");
    }

    @Test
    void apiResponsesCarryTheSecurityHeaders() {
        var response = browser().get("/api/health");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(response.header("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void openApiDescriptionIsServed() {
        var response = browser().get("/api/openapi.json").expect(200);
        assertThat(response.text()).contains("/api/documents/{documentId}/shares");
    }

    @Test
    void probesAndMetricsAreOnTheManagementPort() throws Exception {
        assertThat(management("/actuator/health/liveness").statusCode()).isEqualTo(200);
        var readiness = management("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        var metrics = management("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void loginOutcomesAreCounted() {
        String url = "http://localhost:" + managementPort + "/actuator/prometheus";
        double before = PrometheusScrape.of(url).sum("oc_logins_total", "outcome", "failed");
        TestData.provider().login(browser()).expect(401);
        assertThat(PrometheusScrape.of(url)
                        .sum("oc_logins_total", "application", "provider-backend", "outcome", "failed"))
                .isEqualTo(before + 1);
    }

    @Test
    void oversizedJsonBodyIs413() {
        ApiSession browser = signedIn();
        var response = browser.post("/api/documents", java.util.Map.of("title", "t", "message", "x".repeat(300_000)))
                .expect(413);
        assertThat(response.problemType()).isEqualTo("too-large");
    }

    @Test
    void actuatorIsNotOnTheApiPort() {
        assertThat(browser().get("/actuator/health").status()).isIn(401, 404);
    }

    private HttpResponse<String> management(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
