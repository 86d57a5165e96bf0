package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ApiSession;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A delivery the client backend refuses for good (4xx) is parked as DELIVERY_FAILED with the reason; one it
 * cannot take now (5xx) keeps retrying; the provider's retry delivers once the cause is fixed. The client
 * backend is a real HTTP server answering like the client backend does; the worker runs every 200 ms.
 */
class DeliveryRefusedTest extends ApiTest {

    static final StubClientBackend CLIENT = new StubClientBackend();

    @DynamicPropertySource
    static void clientBackend(DynamicPropertyRegistry env) {
        // the settings themselves: ApiTest's environment variables would win over ours
        env.add("oc.sharing.client-internal-url", CLIENT::url);
        env.add("oc.sharing.delivery-retry-interval", () -> "200ms");
    }

    @Test
    void aRefusedDeliveryStopsRetryingAndShowsWhyWhileAFailingOneKeepsRetrying() throws Exception {
        ApiSession browser = signedIn();
        UUID refused = send(browser, "Payslips [refuse]");
        UUID waiting = send(browser, "Payslips [down]");
        UUID proxied = send(browser, "Payslips [proxy]");

        var failed = until(browser, refused, s -> "DELIVERY_FAILED".equals(JsonPath.read(s.text(), "$.status")));
        assertThat(JsonPath.<String>read(failed.text(), "$.deliveryFailure"))
                .contains("422", StubClientBackend.REASON, "fileIds size must be between 0 and 200")
                .doesNotContain("/internal");
        assertThat(JsonPath.<Integer>read(failed.text(), "$.deliveryAttempts")).isEqualTo(1);

        // the worker keeps retrying the share the client backend could not take: three more attempts at least
        untilOutboxAttempts(waiting, 4);
        untilOutboxAttempts(proxied, 4);
        assertThat(CLIENT.sharePuts(refused)).isEqualTo(1);
        assertThat(JsonPath.<String>read(
                        browser.get("/api/shares/" + refused).expect(200).text(), "$.status"))
                .isEqualTo("DELIVERY_FAILED");
        var pending = browser.get("/api/shares/" + waiting).expect(200);
        assertThat(JsonPath.<String>read(pending.text(), "$.status")).isEqualTo("PENDING_DELIVERY");
        assertThat(pending.text()).doesNotContain("deliveryFailure");
        assertThat(JsonPath.<String>read(
                        browser.get("/api/shares/" + proxied).expect(200).text(), "$.status"))
                .as("a proxy's error page is no refusal of the share")
                .isEqualTo("PENDING_DELIVERY");
        assertThat(jdbc.sql("select failed_at is not null from outbox where share_id = ?")
                        .param(refused)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void retryingAfterTheCauseIsFixedDeliversAndMailsTheLink() throws Exception {
        ApiSession browser = signedIn();
        String recipient = "retry-" + UUID.randomUUID() + "@example.ch";
        UUID share = send(browser, "Tax return [refuse]", recipient);
        until(browser, share, s -> "DELIVERY_FAILED".equals(JsonPath.read(s.text(), "$.status")));

        CLIENT.fix(share);
        browser.post("/api/shares/" + share + "/retry-delivery", "{}").expect(200);

        var delivered = until(browser, share, s -> "DELIVERED".equals(JsonPath.read(s.text(), "$.status")));
        assertThat(delivered.text()).doesNotContain("deliveryFailure");
        assertThat(JsonPath.<Boolean>read(delivered.text(), "$.codeWaiting")).isTrue();
        assertThat(JsonPath.<String>read(
                        browser.post("/api/shares/" + share + "/reveal-code", "{}")
                                .expect(200)
                                .text(),
                        "$.accessCode"))
                .isEqualTo(StubClientBackend.CODE);
        assertThat(TestMail.server().getReceivedMessagesForDomain(recipient)).hasSize(1);
        assertThat(browser.post("/api/shares/" + share + "/retry-delivery", "{}")
                        .expect(409)
                        .problemType())
                .isEqualTo("delivery-not-failed");
    }

    private static UUID send(ApiSession browser, String title) {
        return send(browser, title, "anna@example.ch");
    }

    private static UUID send(ApiSession browser, String title, String recipient) {
        UUID document = browser.post("/api/documents", TestData.document(title))
                .expect(201)
                .id();
        browser.upload("/api/documents/" + document + "/files", "payslip.pdf", "application/pdf", DocumentApiTest.PDF)
                .expect(201);
        return browser.post("/api/documents/" + document + "/shares", TestData.shareTo(recipient))
                .expect(201)
                .id();
    }

    private static ApiResponse until(ApiSession browser, UUID share, Predicate<ApiResponse> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        ApiResponse response = browser.get("/api/shares/" + share).expect(200);
        while (!done.test(response) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            response = browser.get("/api/shares/" + share).expect(200);
        }
        assertThat(done.test(response))
                .as("share %s reached the state: %s", share, response.text())
                .isTrue();
        return response;
    }

    private void untilOutboxAttempts(UUID share, int attempts) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int seen = 0;
        while (seen < attempts && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            seen = jdbc.sql("select attempts from outbox where share_id = ?")
                    .param(share)
                    .query(Integer.class)
                    .single();
        }
        assertThat(seen).isGreaterThanOrEqualTo(attempts);
    }
}
