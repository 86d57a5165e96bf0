package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The client backend's PostgreSQL restarted while shares are delivered: 503 problem+json while it is away
 * (never a hang), health and readiness DOWN at once, deliveries again within 10 s of its return, none lost.
 */
class DatabaseRestartTest extends ApiTest {

    static final RestartableDatabase DATABASE = new RestartableDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // the setting itself: ApiTest's DB_PORT would win over ours
        registry.add("spring.datasource.url", DATABASE::url);
    }

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void deliveriesFailFastWhileTheDatabaseIsDownAndResumeWithinSecondsWithNothingLost() throws Exception {
        var opened = shares.share().pdf().deliver();

        List<String> created = OutageDrill.run(DATABASE, "", this::deliver, () -> {
            var state = get(publicPort, "/api/shares/" + opened.token());
            assertThat(state.statusCode()).isEqualTo(503);
            assertThat(state.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(get(publicPort, "/api/health").statusCode()).isEqualTo(503);
            var readiness = get(managementPort, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
        });

        assertThat(jdbc.sql("select id from shares").query(String.class).list())
                .as("every acknowledged delivery is stored")
                .containsAll(created);
        assertThat(get(publicPort, "/api/shares/" + opened.token()).statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> deliver(String shareId) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + internalConnector.localPort() + "/internal/shares/" + shareId))
                        .timeout(OutageDrill.CLIENT_TIMEOUT)
                        .header("Authorization", "Bearer " + ApiTest.SECRET)
                        .header("Content-Type", "application/json")
                        .PUT(BodyPublishers.ofString(shares.share().body()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(OutageDrill.CLIENT_TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
