package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sending while the client backend is unreachable (the test points CLIENT_INTERNAL_URL at a closed port). */
class SendingTest extends ApiTest {

    @Test
    void sendWhileClientBackendIsUnreachableStaysPendingWithTheLinkAndNothingIsLost() throws Exception {
        ApiSession browser = signedIn();
        UUID document = documentWithFile(browser);
        var sent = browser.post("/api/documents/" + document + "/shares", TestData.shareTo("anna@example.ch"))
                .expect(201);

        assertThat(JsonPath.<String>read(sent.text(), "$.status")).isEqualTo("PENDING_DELIVERY");
        assertThat(sent.text()).doesNotContain("accessCode");
        String link = JsonPath.read(sent.text(), "$.link");
        assertThat(link).startsWith("https://client.localhost:8443/s/");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);

        UUID share = sent.id();
        Map<String, Object> row = jdbc.sql("select token_hash, delivered_at from share where id = ?")
                .param(share)
                .query()
                .singleRow();
        assertThat(row.get("token_hash")).isEqualTo(sha256(token));
        assertThat(row.get("delivered_at")).isNull();
        Map<String, Object> outbox = jdbc.sql("select kind, attempts, encrypted_token from outbox where share_id = ?")
                .param(share)
                .query()
                .singleRow();
        assertThat(outbox.get("kind")).isEqualTo("DELIVER");
        assertThat(outbox.get("attempts")).isEqualTo(1);
        assertThat(new String((byte[]) outbox.get("encrypted_token"), StandardCharsets.ISO_8859_1))
                .doesNotContain(token);

        assertThat(TestMail.server().getReceivedMessagesForDomain("anna@example.ch"))
                .isEmpty();
        var listed = browser.get("/api/documents/" + document + "/shares").expect(200);
        assertThat(JsonPath.<List<String>>read(listed.text(), "$[*].status")).containsExactly("PENDING_DELIVERY");
        assertThat(listed.text()).doesNotContain(token);
    }

    @Test
    void sendingToAClientUsesItsEmail() {
        ApiSession browser = signedIn();
        UUID document = documentWithFile(browser);
        UUID client = browser.post("/api/clients", TestData.client("Bruno Bär"))
                .expect(201)
                .id();
        var sent = browser.post(
                        "/api/documents/" + document + "/shares",
                        Map.of("clientId", client.toString(), "expiresAt", inDays(3)))
                .expect(201);
        assertThat(JsonPath.<String>read(sent.text(), "$.recipientEmail")).isEqualTo("brunobr@example.ch");
        assertThat(JsonPath.<String>read(sent.text(), "$.clientId")).isEqualTo(client.toString());
    }

    @Test
    void codeActionsOnAPendingShareAre409() {
        ApiSession browser = signedIn();
        UUID share = pendingShare(browser);
        assertThat(browser.post("/api/shares/" + share + "/reveal-code", Map.of())
                        .expect(409)
                        .problemType())
                .isEqualTo("code-not-available");
        assertThat(browser.post("/api/shares/" + share + "/regenerate-code", Map.of())
                        .expect(409)
                        .problemType())
                .isEqualTo("not-delivered");
    }

    @Test
    void revokingAPendingShareCancelsItsDelivery() {
        ApiSession browser = signedIn();
        UUID share = pendingShare(browser);
        var revoked = browser.post("/api/shares/" + share + "/revoke", Map.of()).expect(200);
        assertThat(JsonPath.<String>read(revoked.text(), "$.status")).isEqualTo("REVOKED");
        assertThat(jdbc.sql("select count(*) from outbox where share_id = ? and kind = 'DELIVER'")
                        .param(share)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(browser.patch("/api/shares/" + share, Map.of("expiresAt", inDays(2)))
                        .expect(409)
                        .problemType())
                .isEqualTo("share-revoked");
    }

    @Test
    void expiryOfAPendingShareCanChange() {
        ApiSession browser = signedIn();
        UUID share = pendingShare(browser);
        String expiry = Instant.now()
                .plus(10, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        var changed = browser.patch("/api/shares/" + share, Map.of("expiresAt", expiry))
                .expect(200);
        assertThat(Instant.parse(JsonPath.read(changed.text(), "$.expiresAt"))).isEqualTo(Instant.parse(expiry));
    }

    @Test
    void expiryMustBeInTheFutureAndAtMostAYearAhead() {
        ApiSession browser = signedIn();
        UUID document = documentWithFile(browser);
        String path = "/api/documents/" + document + "/shares";
        browser.post(path, Map.of("email", "a@example.ch", "expiresAt", inDays(-1)))
                .expect(422);
        browser.post(path, Map.of("email", "a@example.ch", "expiresAt", inDays(400)))
                .expect(422);
        browser.post(path, Map.of("email", "a@example.ch")).expect(422);
    }

    @Test
    void exactlyOneRecipientIsRequired() {
        ApiSession browser = signedIn();
        UUID document = documentWithFile(browser);
        UUID client = browser.post("/api/clients", TestData.client("Anna"))
                .expect(201)
                .id();
        String path = "/api/documents/" + document + "/shares";
        browser.post(path, Map.of("expiresAt", inDays(1))).expect(422);
        var both = browser.post(
                        path, Map.of("clientId", client.toString(), "email", "a@example.ch", "expiresAt", inDays(1)))
                .expect(422);
        assertThat(both.problemType()).isEqualTo("validation");
        browser.post(path, Map.of("email", "not-an-email", "expiresAt", inDays(1)))
                .expect(422);
    }

    @Test
    void deletingADocumentQueuesTheRemovalOfItsShares() {
        ApiSession browser = signedIn();
        UUID document = documentWithFile(browser);
        UUID share = browser.post("/api/documents/" + document + "/shares", TestData.shareTo("a@example.ch"))
                .expect(201)
                .id();
        browser.delete("/api/documents/" + document).expect(204);
        assertThat(jdbc.sql("select kind from outbox where share_id = ?")
                        .param(share)
                        .query(String.class)
                        .list())
                .containsExactly("DELETE");
    }

    private UUID pendingShare(ApiSession browser) {
        UUID document = documentWithFile(browser);
        return browser.post("/api/documents/" + document + "/shares", TestData.shareTo("anna@example.ch"))
                .expect(201)
                .id();
    }

    private static UUID documentWithFile(ApiSession browser) {
        UUID document = browser.post("/api/documents", TestData.document("Annual accounts"))
                .expect(201)
                .id();
        browser.upload("/api/documents/" + document + "/files", "accounts.pdf", "application/pdf", DocumentApiTest.PDF)
                .expect(201);
        return document;
    }

    private static String inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).toString();
    }

    private static String sha256(String token) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    @Test
    void aShareKeepsTheClientsLanguageOrTheOneGivenForATypedAddress() {
        ApiSession browser = signedIn().header("Accept-Language", "en");
        UUID document = documentWithFile(browser);
        var italian = new java.util.HashMap<>(TestData.client("Chiara Rossi"));
        italian.put("language", "it");
        UUID client = browser.post("/api/clients", italian).expect(201).id();

        UUID toClient = browser.post(
                        "/api/documents/" + document + "/shares",
                        Map.of("clientId", client.toString(), "expiresAt", inDays(3), "language", "fr"))
                .expect(201)
                .id();
        UUID toAddress = browser.post(
                        "/api/documents/" + document + "/shares",
                        Map.of("email", "luc@example.ch", "expiresAt", inDays(3), "language", "fr"))
                .expect(201)
                .id();
        UUID byRequest = browser.post(
                        "/api/documents/" + document + "/shares",
                        Map.of("email", "emma@example.ch", "expiresAt", inDays(3)))
                .expect(201)
                .id();

        assertThat(languageOf(toClient)).isEqualTo("it");
        assertThat(languageOf(toAddress)).isEqualTo("fr");
        assertThat(languageOf(byRequest)).isEqualTo("en");
        browser.post(
                        "/api/documents/" + document + "/shares",
                        Map.of("email", "x@example.ch", "expiresAt", inDays(3), "language", "rm"))
                .expect(422);
    }

    private String languageOf(UUID share) {
        return jdbc.sql("select language from share where id = ?")
                .param(share)
                .query(String.class)
                .single();
    }
}
