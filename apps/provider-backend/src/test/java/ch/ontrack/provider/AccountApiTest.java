package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountApiTest extends ApiTest {

    @Test
    void signUpSignsInAndMeReturnsTheAccount() {
        ApiSession browser = browser();
        TestData.ProviderData provider = TestData.provider();
        var created = provider.signUp(browser).expect(201);
        assertThat(JsonPath.<String>read(created.text(), "$.email")).isEqualTo(provider.email());
        assertThat(JsonPath.<String>read(created.text(), "$.organisation")).isEqualTo("Muster Treuhand AG");

        var me = browser.get("/api/auth/me").expect(200);
        assertThat(me.id()).isEqualTo(created.id());
    }

    @Test
    void sessionCookieIsHostPrefixedSecureHttpOnlyAndLax() {
        var created = TestData.provider().signUp(browser()).expect(201);
        String cookie = created.setCookies().stream()
                .filter(c -> c.startsWith("__Host-oc-session="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie)
                .contains("Secure")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .contains("Path=/")
                .doesNotContain("Domain=");
    }

    @Test
    void csrfCookieIsReadableByTheSpaBeforeItsFirstPost() {
        var response = browser().get("/api/auth/me").expect(401);
        String cookie = response.setCookies().stream()
                .filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).doesNotContain("HttpOnly").contains("Secure");
    }

    @Test
    void meWithoutSessionIs401ProblemWithoutRedirect() {
        var response = browser().get("/api/auth/me").expect(401);
        assertThat(response.problemType()).isEqualTo("unauthenticated");
        assertThat(response.header("Location")).isNull();
    }

    @Test
    void stateChangingRequestWithoutCsrfHeaderIs403Csrf() {
        ApiSession browser = signedIn().withoutCsrfHeader();
        var response =
                browser.post("/api/clients", TestData.client("Anna Muster")).expect(403);
        assertThat(response.problemType()).isEqualTo("csrf");
    }

    @Test
    void loginGivesANewSessionId() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        provider.signUp(browser).expect(201);
        String before = browser.cookie("__Host-oc-session");
        provider.login(browser).expect(200);
        assertThat(browser.cookie("__Host-oc-session")).isNotNull().isNotEqualTo(before);
        browser.get("/api/auth/me").expect(200);
    }

    @Test
    void logoutEndsTheSession() {
        ApiSession browser = signedIn();
        browser.post("/api/auth/logout", Map.of()).expect(204);
        browser.get("/api/auth/me").expect(401);
    }

    @Test
    void unknownEmailAndWrongPasswordGiveTheSameError() {
        TestData.ProviderData provider = TestData.provider();
        provider.signUp(browser()).expect(201);
        var wrongPassword = TestData.provider()
                .with("email", provider.email())
                .with("password", "wrong password 123")
                .login(browser())
                .expect(401);
        var unknown = TestData.provider().login(browser()).expect(401);
        assertThat(wrongPassword.problemType()).isEqualTo("invalid-credentials");
        assertThat(unknown.text()).isEqualTo(wrongPassword.text());
    }

    @Test
    void wrongPasswordsFromOneAddressAre429WithRetryAfter() {
        TestData.ProviderData provider = TestData.provider();
        provider.signUp(browser()).expect(201);
        TestData.ProviderData wrong =
                TestData.provider().with("email", provider.email()).with("password", "x".repeat(12));
        ApiSession attacker = browser();
        for (int i = 0; i < LOGIN_LIMIT; i++) {
            wrong.login(attacker).expect(401);
        }
        var throttled = provider.login(attacker).expect(429);
        assertThat(throttled.problemType()).isEqualTo("too-many-attempts");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
    }

    @Test
    void tenWrongPasswordsFromOneAddressDoNotKeepTheOwnerOut() {
        TestData.ProviderData provider = TestData.provider();
        provider.signUp(browser()).expect(201);
        TestData.ProviderData wrong =
                TestData.provider().with("email", provider.email()).with("password", "x".repeat(12));
        ApiSession attacker = browser();
        for (int i = 0; i < 10; i++) {
            assertThat(wrong.login(attacker).status()).isIn(401, 429);
        }
        assertThat(wrong.login(attacker).status()).isEqualTo(429);

        provider.login(browser()).expect(200);
    }

    @Test
    void loginThrottledPerIp() {
        ApiSession sameIp = browser();
        for (int i = 0; i < LOGIN_LIMIT; i++) {
            TestData.provider().login(sameIp).expect(401);
        }
        TestData.provider().login(sameIp).expect(429);
    }

    @Test
    void secondAccountWithTheSameEmailIs409() {
        TestData.ProviderData provider = TestData.provider();
        provider.signUp(browser()).expect(201);
        var again = TestData.provider()
                .with("email", provider.email().toUpperCase())
                .signUp(browser())
                .expect(409);
        assertThat(again.problemType()).isEqualTo("email-taken");
    }

    @Test
    void shortPasswordIs422() {
        var response =
                TestData.provider().with("password", "short").signUp(browser()).expect(422);
        assertThat(response.problemType()).isEqualTo("validation");
    }

    @Test
    void accountDeletionNeedsThePasswordAndRemovesEverything() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        var account = provider.signUp(browser).expect(201);
        browser.post("/api/documents", TestData.document("Tax return 2025")).expect(201);
        ApiSession elsewhere = browser();
        provider.login(elsewhere).expect(200);

        var wrong = browser.delete("/api/auth/account", Map.of("password", "not my password"))
                .expect(403);
        assertThat(wrong.problemType()).isEqualTo("wrong-password");
        browser.delete("/api/auth/account", Map.of("password", provider.password()))
                .expect(204);

        browser.get("/api/auth/me").expect(401);
        provider.login(browser()).expect(401);
        assertThat(elsewhere.get("/api/auth/me").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from document where provider_id = ?")
                        .param(account.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
