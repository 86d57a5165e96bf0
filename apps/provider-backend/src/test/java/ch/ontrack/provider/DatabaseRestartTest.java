package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.web.testing.OutageDrill;
import ch.ontrack.web.testing.RestartableDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The provider's PostgreSQL restarted under a steady write load: 503 problem+json while it is away (never a
 * hang), health and readiness DOWN at once, writes again within 10 s of its return, no write lost or doubled.
 */
class DatabaseRestartTest extends ApiTest {

    static final RestartableDatabase DATABASE = new RestartableDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry env) {
        // the setting itself: ApiTest's DB_PORT would win over ours
        env.add("spring.datasource.url", DATABASE::url);
    }

    @LocalManagementPort
    int managementPort;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void writesFailFastWhileTheDatabaseIsDownAndResumeWithinSecondsWithNothingLost() throws Exception {
        ApiSession browser = signedIn();
        String cookies = "__Host-oc-session=" + browser.cookie("__Host-oc-session") + "; XSRF-TOKEN="
                + browser.cookie("XSRF-TOKEN");

        List<String> created =
                OutageDrill.run(DATABASE, "Load ", title -> write(cookies, browser.cookie("XSRF-TOKEN"), title), () -> {
                    assertThat(get("/api/health", port).statusCode()).isEqualTo(503);
                    var readiness = get("/actuator/health/readiness", managementPort);
                    assertThat(readiness.statusCode()).isEqualTo(503);
                    assertThat(readiness.body()).contains("DOWN");
                    assertThat(get("/actuator/health/liveness", managementPort).statusCode())
                            .isEqualTo(200);
                });

        List<String> stored = jdbc.sql("select title from document where title like 'Load %'")
                .query(String.class)
                .list();
        assertThat(stored)
                .as("every acknowledged write is stored, once")
                .containsAll(created)
                .doesNotHaveDuplicates();
        assertThat(get("/actuator/health/readiness", managementPort).statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> write(String cookies, String csrf, String title)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/documents"))
                        .timeout(OutageDrill.CLIENT_TIMEOUT)
                        .header("Cookie", cookies)
                        .header("X-XSRF-TOKEN", csrf)
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString("{\"title\":\"" + title + "\",\"message\":\"\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, int onPort) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path))
                        .timeout(OutageDrill.CLIENT_TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
