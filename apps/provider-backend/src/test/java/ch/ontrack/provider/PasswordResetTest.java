package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ApiSession;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PasswordResetTest extends ApiTest {

    static final String NEW_PASSWORD = "a brand new passphrase 2026";

    private static ApiResponse forgot(ApiSession browser, String email) {
        browser.get("/api/auth/csrf");
        return browser.post("/api/auth/password-reset", Map.of("email", email));
    }

    @Test
    void theSameAnswerWhetherOrNotTheAddressHasAnAccount() {
        TestData.ProviderData provider = TestData.provider();
        provider.signUp(browser()).expect(201);
        String unknown = "nobody-" + UUID.randomUUID() + "@example.ch";

        var known = forgot(browser(), provider.email()).expect(202);
        var nobody = forgot(browser(), unknown).expect(202);
        assertThat(nobody.text()).isEqualTo(known.text());

        Inbox.Mail mail = Inbox.await(provider.email(), 2);
        assertThat(mail.link()).startsWith("https://provider.localhost:8443/reset-password#");
        assertThat(Inbox.all(unknown)).isEmpty();
    }

    @Test
    void theLinkSetsANewPasswordOnceEndsEverySessionAndTellsTheOwner() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession signedIn = browser();
        provider.signUp(signedIn).expect(201);
        ApiSession elsewhere = browser();
        provider.login(elsewhere).expect(200);

        forgot(browser(), provider.email()).expect(202);
        String token = Inbox.await(provider.email(), 2).token();
        ApiSession resetter = browser();
        resetter.get("/api/auth/csrf");
        resetter.post("/api/auth/password-reset/confirm", Map.of("token", token, "password", NEW_PASSWORD))
                .expect(204);

        signedIn.get("/api/auth/me").expect(401);
        elsewhere.get("/api/auth/me").expect(401);
        provider.login(browser()).expect(401);
        TestData.provider()
                .with("email", provider.email())
                .with("password", NEW_PASSWORD)
                .login(browser())
                .expect(200);

        Inbox.Mail notice = Inbox.await(provider.email(), 3);
        assertThat(notice.subject()).isEqualTo("Ihr Passwort wurde geändert");
        assertThat(notice.text()).doesNotContainPattern("https?://");

        var again = resetter.post(
                        "/api/auth/password-reset/confirm",
                        Map.of("token", token, "password", "yet another passphrase"))
                .expect(400);
        assertThat(again.problemType()).isEqualTo("invalid-link");
    }

    @Test
    void theLinkExpiresAfter30Minutes() {
        TestData.ProviderData provider = TestData.provider();
        provider.signUp(browser()).expect(201);
        forgot(browser(), provider.email()).expect(202);
        String token = Inbox.await(provider.email(), 2).token();
        long seconds = jdbc.sql("""
        select extract(epoch from expires_at - created_at)::bigint from account_token
        where email = ? and purpose = 'RESET_PASSWORD'""").param(provider.email()).query(Long.class).single();
        assertThat(seconds).isBetween(30 * 60L - 5, 30 * 60L + 5);

        jdbc.sql("update account_token set expires_at = now() - interval '1 second' where email = ?")
                .param(provider.email())
                .update();
        ApiSession browser = browser();
        browser.get("/api/auth/csrf");
        assertThat(browser.post("/api/auth/password-reset/confirm", Map.of("token", token, "password", NEW_PASSWORD))
                        .expect(400)
                        .problemType())
                .isEqualTo("invalid-link");
        provider.login(browser()).expect(200);
    }

    @Test
    void limitedPerAddressWhetherOrNotItHasAnAccount() {
        TestData.ProviderData provider = TestData.provider();
        provider.signUp(browser()).expect(201);
        String unknown = "nobody-" + UUID.randomUUID() + "@example.ch";
        forgot(browser(), provider.email()).expect(202);
        forgot(browser(), unknown).expect(202);

        var known = forgot(browser(), provider.email()).expect(429);
        var nobody = forgot(browser(), unknown).expect(429);
        assertThat(known.problemType()).isEqualTo("too-many-requests");
        assertThat(nobody.problemType()).isEqualTo("too-many-requests");
        assertThat(known.header("Retry-After")).isNotNull();
    }

    @Test
    void limitedPerClientAddress() {
        ApiSession sameIp = browser();
        for (int i = 0; i < 20; i++) {
            forgot(sameIp, "someone-" + UUID.randomUUID() + "@example.ch").expect(202);
        }
        assertThat(forgot(sameIp, "someone-" + UUID.randomUUID() + "@example.ch")
                        .expect(429)
                        .problemType())
                .isEqualTo("too-many-requests");
    }

    @Test
    void anUnknownTokenIsRefused() {
        ApiSession browser = browser();
        browser.get("/api/auth/csrf");
        assertThat(browser.post(
                                "/api/auth/password-reset/confirm",
                                Map.of("token", "A".repeat(43), "password", NEW_PASSWORD))
                        .expect(400)
                        .problemType())
                .isEqualTo("invalid-link");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        provider.signUp(browser).expect(201);
        ApiSession elsewhere = browser();
        provider.login(elsewhere).expect(200);

        assertThat(browser.post(
                                "/api/auth/password",
                                Map.of("currentPassword", "not the password", "newPassword", NEW_PASSWORD))
                        .expect(403)
                        .problemType())
                .isEqualTo("wrong-password");
        elsewhere.get("/api/auth/me").expect(200);

        browser.post("/api/auth/password", Map.of("currentPassword", provider.password(), "newPassword", NEW_PASSWORD))
                .expect(204);
        browser.get("/api/auth/me").expect(200);
        elsewhere.get("/api/auth/me").expect(401);
        TestData.provider()
                .with("email", provider.email())
                .with("password", NEW_PASSWORD)
                .login(browser())
                .expect(200);
        assertThat(Inbox.await(provider.email(), 2).subject()).isEqualTo("Ihr Passwort wurde geändert");
    }
}
