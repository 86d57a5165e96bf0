package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.web.testing.PrometheusScrape;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The domain metrics move when their event happens, as scraped from /actuator/prometheus on the management port
 * (names: docs/operations.md "Metrics reference"). The client backend is a real HTTP server answering like it.
 */
class MetricsTest extends ApiTest {

    static final StubClientBackend CLIENT = new StubClientBackend();
    static final String APP = "provider-backend";

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void clientBackend(DynamicPropertyRegistry env) {
        env.add("oc.sharing.client-internal-url", CLIENT::url);
        env.add("oc.metrics.outbox-refresh", () -> "200ms");
    }

    @Test
    void aDeliveredSendIsCountedTimedAndMailed() {
        PrometheusScrape before = scrape();
        send(signedIn(), "Annual accounts");
        PrometheusScrape after = scrape();

        assertThat(delta(before, after, "oc_shares_sent_total", "application", APP))
                .isEqualTo(1);
        assertThat(delta(before, after, "oc_deliveries_total", "outcome", "delivered", "reason", "none"))
                .isEqualTo(1);
        assertThat(delta(before, after, "oc_delivery_duration_seconds_count")).isEqualTo(1);
        assertThat(delta(before, after, "oc_delivery_duration_seconds_bucket", "le", "+Inf"))
                .isEqualTo(1);
        assertThat(delta(before, after, "oc_mail_total", "outcome", "sent", "template", "share-link"))
                .isEqualTo(1);
        assertThat(delta(before, after, "oc_outbox_items_total", "kind", "DELIVER", "outcome", "delivered-at-once"))
                .isEqualTo(1);
        // registered at 0, so a failure ratio exists before the first failure
        assertThat(after.has("oc_mail_total", "outcome", "failed", "template", "share-link"))
                .isTrue();
    }

    @Test
    void aRefusedDeliveryIsADeadLetterUntilRetried() {
        ApiSession browser = signedIn();
        double deadLetters = until(s -> true).sum("oc_outbox_dead_letters", "application", APP);
        PrometheusScrape before = scrape();
        UUID share = send(browser, "Payslips [refuse]");
        PrometheusScrape after = until(s -> s.sum("oc_outbox_dead_letters") == deadLetters + 1);

        assertThat(delta(before, after, "oc_deliveries_total", "outcome", "failed", "reason", "rejected"))
                .isEqualTo(1);
        assertThat(delta(before, after, "oc_outbox_items_total", "kind", "DELIVER", "outcome", "failed"))
                .isEqualTo(1);

        CLIENT.fix(share);
        browser.post("/api/shares/" + share + "/retry-delivery", "{}").expect(200);
        until(s -> s.sum("oc_outbox_dead_letters") == deadLetters);
    }

    @Test
    void aDeliveryTheClientBackendCannotTakeIsRetriedAndAgesInTheOutbox() {
        PrometheusScrape before = scrape();
        send(signedIn(), "Salaries [down]");
        PrometheusScrape after =
                until(s -> s.sum("oc_outbox_pending") >= 1 && s.sum("oc_outbox_oldest_age_seconds") > 0);

        assertThat(delta(before, after, "oc_deliveries_total", "outcome", "retried", "reason", "server-error"))
                .isEqualTo(1);
        assertThat(delta(before, after, "oc_deliveries_total", "outcome", "delivered"))
                .isZero();
    }

    @Test
    void aThrottledLoginIsCountedAsRateLimited() {
        PrometheusScrape before = scrape();
        ApiSession sameIp = browser();
        for (int i = 0; i < LOGIN_LIMIT; i++) {
            TestData.provider().login(sameIp).expect(401);
        }
        TestData.provider().login(sameIp).expect(429);
        PrometheusScrape after = scrape();

        assertThat(delta(before, after, "oc_rate_limited_total", "limiter", "login"))
                .isEqualTo(1);
        assertThat(delta(before, after, "oc_logins_total", "outcome", "throttled"))
                .isEqualTo(1);
        assertThat(delta(before, after, "oc_logins_total", "outcome", "failed")).isEqualTo(LOGIN_LIMIT);
    }

    @Test
    void aPasswordAskedAgainTooOftenIsCountedAsRateLimited() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        provider.signUp(browser).expect(201);
        PrometheusScrape before = scrape();
        for (int i = 0; i < 10; i++) {
            browser.post("/api/auth/two-factor/setup", Map.of("password", "not it " + i))
                    .expect(403);
        }
        browser.post("/api/auth/two-factor/setup", Map.of("password", provider.password()))
                .expect(429);
        PrometheusScrape after = scrape();

        assertThat(delta(before, after, "oc_rate_limited_total", "limiter", "password-check"))
                .isEqualTo(1);
    }

    @Test
    void requestsHaveTheLatencyBucketsTheAlertsRead() {
        browser().get("/api/health").expect(200);
        PrometheusScrape scrape = scrape();
        for (String le : new String[] {"0.1", "0.25", "0.5", "1.0", "2.5", "+Inf"}) {
            assertThat(scrape.has(
                            "http_server_requests_seconds_bucket",
                            "application",
                            APP,
                            "uri",
                            "/api/health",
                            "status",
                            "200",
                            "le",
                            le))
                    .as("bucket le=" + le)
                    .isTrue();
        }
    }

    private UUID send(ApiSession browser, String title) {
        UUID document = browser.post("/api/documents", TestData.document(title))
                .expect(201)
                .id();
        browser.upload("/api/documents/" + document + "/files", "payslip.pdf", "application/pdf", DocumentApiTest.PDF)
                .expect(201);
        return browser.post(
                        "/api/documents/" + document + "/shares",
                        TestData.shareTo("metrics-" + UUID.randomUUID() + "@example.ch"))
                .expect(201)
                .id();
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of("http://localhost:" + managementPort + "/actuator/prometheus");
    }

    /** Scrapes until {@code done} holds (the gauges are refreshed every 200 ms here), at most 20 s. */
    private PrometheusScrape until(Predicate<PrometheusScrape> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        // two refreshes later, so that a reading taken before the last change is gone
        sleep(Duration.ofMillis(500));
        PrometheusScrape scrape = scrape();
        while (!done.test(scrape) && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
            scrape = scrape();
        }
        assertThat(done.test(scrape))
                .as("metrics reached the expected state within 20 s")
                .isTrue();
        return scrape;
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
