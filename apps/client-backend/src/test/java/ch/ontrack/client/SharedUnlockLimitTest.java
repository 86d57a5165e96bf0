package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ClientApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Two replicas on one database: unlock attempts through both get exactly the per-minute budget of one. */
class SharedUnlockLimitTest extends ApiTest {

    static final int BUDGET = 20;
    private ConfigurableApplicationContext second;

    @BeforeEach
    void startSecondReplica() {
        second = new SpringApplicationBuilder(ClientBackendApplication.class)
                .properties(Map.of(
                        "DB_HOST", "127.0.0.1",
                        "DB_PORT", String.valueOf(TestDatabase.proxy().port()),
                        "DB_NAME", "postgres",
                        "DB_USERNAME", "postgres",
                        "DB_PASSWORD", "postgres",
                        "SERVER_PORT", "0",
                        "INTERNAL_PORT", "0",
                        "MANAGEMENT_PORT", "0",
                        "INTERNAL_API_SECRET", ApiTest.SECRET,
                        "TRUSTED_PROXIES", "127.0.0.1"))
                .properties(Map.of("UNLOCK_RATE_LIMIT_PER_MINUTE", String.valueOf(BUDGET)))
                .run();
    }

    @AfterEach
    void stopSecondReplica() {
        second.close();
    }

    /**
     * The bucket refills one attempt every 3 s (20 a minute, evenly), so on a slow machine a few more attempts may
     * pass than the budget; two budgets (one per replica) would let about twice as many through.
     */
    @Test
    void unlockAttemptsThroughTwoReplicasGetTheBudgetOfOne() {
        int port = ((WebServerApplicationContext) second).getWebServer().getPort();
        ClientApi other = clientAt(port, clientAddress);
        List<Integer> statuses = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 2 * BUDGET + 10; i++) {
            statuses.add((i % 2 == 0 ? client : other)
                    .unlock("unknown-token-" + "x".repeat(20), "22222-22222")
                    .status());
        }
        long refilled = (System.nanoTime() - start) / TimeUnit.SECONDS.toNanos(60 / BUDGET) + 1;

        assertThat(statuses).containsOnly(404, 429);
        assertThat(statuses.subList(0, BUDGET)).containsOnly(404);
        assertThat(statuses.stream().filter(s -> s == 404).count())
                .as("attempts let through, with %d refilled while they ran: %s", refilled, statuses)
                .isBetween((long) BUDGET, BUDGET + refilled);
    }
}
