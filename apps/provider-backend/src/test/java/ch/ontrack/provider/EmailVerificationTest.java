package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ApiSession;
import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmailVerificationTest extends ApiTest {

    /** Opens the link as a browser that is not signed in does: the SPA posts the fragment's token. */
    private ApiResponse open(String token) {
        ApiSession browser = browser();
        browser.get("/api/auth/csrf");
        return browser.post("/api/auth/verify-email", Map.of("token", token));
    }

    private UUID sendableDocument(ApiSession browser) {
        return browser.post("/api/documents", TestData.document("Tax return 2025"))
                .expect(201)
                .id();
    }

    @Test
    void unverifiedAccountSignsInButCannotSendUntilTheMailedLinkIsOpened() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser().header("Accept-Language", "fr-CH");
        provider.signUp(browser).expect(201);
        assertThat(JsonPath.<Boolean>read(
                        browser.get("/api/auth/me").expect(200).text(), "$.emailVerified"))
                .isFalse();
        UUID document = sendableDocument(browser);

        var refused = browser.post("/api/documents/" + document + "/shares", TestData.shareTo("anna@example.ch"))
                .expect(403);
        assertThat(refused.problemType()).isEqualTo("email-not-verified");

        Inbox.Mail mail = Inbox.await(provider.email(), 1);
        assertThat(mail.subject()).isEqualTo("Confirmez votre adresse e-mail");
        assertThat(mail.link()).startsWith("https://provider.localhost:8443/verify-email#");
        assertThat(mail.html()).contains(mail.link());
        // 256 random bits, base64url; only its hash is stored
        assertThat(mail.token()).hasSize(43);
        assertThat(jdbc.sql("select token_hash from account_token where email = ?")
                        .param(provider.email())
                        .query(String.class)
                        .single())
                .isNotEqualTo(mail.token())
                .hasSize(43);

        // opened in another browser, not signed in
        open(mail.token()).expect(200);
        assertThat(JsonPath.<Boolean>read(
                        browser.get("/api/auth/me").expect(200).text(), "$.emailVerified"))
                .isTrue();
        browser.post("/api/documents/" + document + "/shares", TestData.shareTo("anna@example.ch"))
                .expect(201);
    }

    @Test
    void theLinkWorksOnce() {
        TestData.ProviderData provider = TestData.provider();
        provider.signUp(browser()).expect(201);
        String token = Inbox.await(provider.email(), 1).token();
        open(token).expect(200);
        var again = open(token).expect(400);
        assertThat(again.problemType()).isEqualTo("invalid-link");
    }

    @Test
    void anExpiredLinkIsRefusedAndLeavesTheAccountUnverified() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        provider.signUp(browser).expect(201);
        String token = Inbox.await(provider.email(), 1).token();
        jdbc.sql("update account_token set expires_at = now() - interval '1 second' where email = ?")
                .param(provider.email())
                .update();
        assertThat(open(token).expect(400).problemType()).isEqualTo("invalid-link");
        assertThat(JsonPath.<Boolean>read(
                        browser.get("/api/auth/me").expect(200).text(), "$.emailVerified"))
                .isFalse();
    }

    @Test
    void theLinkIsValidFor24Hours() {
        TestData.ProviderData provider = TestData.provider();
        provider.signUp(browser()).expect(201);
        Inbox.await(provider.email(), 1);
        long seconds = jdbc.sql(
                        "select extract(epoch from expires_at - created_at)::bigint from account_token where email = ?")
                .param(provider.email())
                .query(Long.class)
                .single();
        assertThat(seconds).isBetween(24 * 3600L - 5, 24 * 3600L + 5);
    }

    @Test
    void resendIsLimitedAndANewLinkReplacesTheOldOne() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        provider.signUp(browser).expect(201);
        String first = Inbox.await(provider.email(), 1).token();

        browser.post("/api/auth/verify-email/resend", Map.of()).expect(204);
        String second = Inbox.await(provider.email(), 2).token();
        var limited = browser.post("/api/auth/verify-email/resend", Map.of()).expect(429);
        assertThat(limited.problemType()).isEqualTo("too-many-requests");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);

        assertThat(open(first).expect(400).problemType()).isEqualTo("invalid-link");
        open(second).expect(200);
        assertThat(browser.post("/api/auth/verify-email/resend", Map.of())
                        .expect(409)
                        .problemType())
                .isEqualTo("already-verified");
    }

    @Test
    void resendNeedsASignedInAccount() {
        ApiSession browser = browser();
        browser.get("/api/auth/csrf");
        browser.post("/api/auth/verify-email/resend", Map.of()).expect(401);
    }

    @Test
    void aChangedAddressIsVerifiedBeforeItBecomesTheAccountsAndTheOldOneIsTold() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        verified(provider.signUp(browser).expect(201).id());
        String newAddress = "changed-" + UUID.randomUUID() + "@example.ch";

        assertThat(browser.post("/api/auth/email", Map.of("email", newAddress, "password", "wrong password!"))
                        .expect(403)
                        .problemType())
                .isEqualTo("wrong-password");
        browser.post("/api/auth/email", Map.of("email", newAddress, "password", provider.password()))
                .expect(202);
        assertThat(JsonPath.<String>read(browser.get("/api/auth/me").expect(200).text(), "$.email"))
                .isEqualTo(provider.email());

        Inbox.Mail link = Inbox.await(newAddress, 1);
        open(link.token()).expect(200);
        assertThat(JsonPath.<String>read(browser.get("/api/auth/me").expect(200).text(), "$.email"))
                .isEqualTo(newAddress);
        Inbox.Mail notice = Inbox.await(provider.email(), 2);
        assertThat(notice.text()).contains(newAddress).doesNotContainPattern("https?://");

        TestData.provider()
                .with("email", newAddress)
                .with("password", provider.password())
                .login(browser())
                .expect(200);
    }

    @Test
    void anAddressOfAnotherAccountCannotBeTaken() {
        TestData.ProviderData other = TestData.provider();
        other.signUp(browser()).expect(201);
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        provider.signUp(browser).expect(201);
        assertThat(browser.post("/api/auth/email", Map.of("email", other.email(), "password", provider.password()))
                        .expect(409)
                        .problemType())
                .isEqualTo("email-taken");
    }
}
