package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.web.testing.Totp;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwoFactorTest extends ApiTest {

    record Enrolled(TestData.ProviderData provider, ApiSession browser, String secret, List<String> recoveryCodes) {}

    /** Signs up and turns two-factor sign-in on with the code of the current time step. */
    private Enrolled enrolled() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        verified(provider.signUp(browser).expect(201).id());
        var setup = browser.post("/api/auth/two-factor/setup", Map.of("password", provider.password()))
                .expect(200);
        String secret = JsonPath.read(setup.text(), "$.secret");
        assertThat(JsonPath.<String>read(setup.text(), "$.otpauthUri"))
                .startsWith("otpauth://totp/OC%20Platform:")
                .contains("secret=" + secret, "issuer=OC%20Platform");
        assertThat(JsonPath.<Integer>read(setup.text(), "$.qrSize")).isGreaterThan(20);
        assertThat(JsonPath.<String>read(setup.text(), "$.qrPath")).startsWith("M");
        var enabled = browser.post("/api/auth/two-factor/enable", Map.of("code", Totp.code(secret, 0)))
                .expect(200);
        List<String> codes = JsonPath.read(enabled.text(), "$.recoveryCodes");
        return new Enrolled(provider, browser, secret, codes);
    }

    @Test
    void settingUpNeedsThePasswordAgain() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        provider.signUp(browser).expect(201);
        assertThat(browser.post("/api/auth/two-factor/setup", Map.of())
                        .expect(422)
                        .text())
                .contains("\"field\":\"password\"");
        assertThat(browser.post("/api/auth/two-factor/setup", Map.of("password", "Alpenrose Velo Kaffee 43"))
                        .expect(403)
                        .problemType())
                .isEqualTo("wrong-password");
        Integer secrets = jdbc.sql("select count(*) from provider where email = ? and totp_pending_secret is not null")
                .param(provider.email())
                .query(Integer.class)
                .single();
        assertThat(secrets).as("no secret is kept for a refused set-up").isZero();
        browser.post("/api/auth/two-factor/setup", Map.of("password", provider.password()))
                .expect(200);
    }

    @Test
    void aSessionCannotTryPasswordsAtTheHashingRate() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        provider.signUp(browser).expect(201);
        for (int attempt = 0; attempt < 10; attempt++) {
            browser.post("/api/auth/two-factor/setup", Map.of("password", "wrong password " + attempt))
                    .expect(403);
        }
        // the budget is the account's, whichever change asks for the password, and holds for the right one too
        var limited = browser.post("/api/auth/email", Map.of("email", "new-" + provider.email(), "password", "x"))
                .expect(429);
        assertThat(limited.problemType()).isEqualTo("too-many-requests");
        assertThat(limited.header("Retry-After")).isNotBlank();
        browser.post("/api/auth/two-factor/setup", Map.of("password", provider.password()))
                .expect(429);
        // another account keeps its own budget
        TestData.ProviderData other = TestData.provider();
        ApiSession otherBrowser = browser();
        other.signUp(otherBrowser).expect(201);
        otherBrowser
                .post("/api/auth/two-factor/setup", Map.of("password", other.password()))
                .expect(200);
    }

    @Test
    void enrolmentNeedsTheRightCodeAndGivesTenRecoveryCodesStoredOnlyAsHashes() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        var id = provider.signUp(browser).expect(201).id();
        String secret = JsonPath.read(
                browser.post("/api/auth/two-factor/setup", Map.of("password", provider.password()))
                        .expect(200)
                        .text(),
                "$.secret");
        String wrong = Totp.code(secret, 0).equals("000000") ? "111111" : "000000";
        assertThat(browser.post("/api/auth/two-factor/enable", Map.of("code", wrong))
                        .expect(403)
                        .problemType())
                .isEqualTo("wrong-code");
        assertThat(JsonPath.<Boolean>read(browser.get("/api/auth/me").text(), "$.twoFactorEnabled"))
                .isFalse();

        List<String> codes = JsonPath.read(
                browser.post("/api/auth/two-factor/enable", Map.of("code", Totp.code(secret, 0)))
                        .expect(200)
                        .text(),
                "$.recoveryCodes");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(JsonPath.<Boolean>read(browser.get("/api/auth/me").text(), "$.twoFactorEnabled"))
                .isTrue();
        List<String> stored = jdbc.sql("select code_hash from recovery_code where provider_id = ?")
                .param(id)
                .query(String.class)
                .list();
        assertThat(stored).hasSize(10).doesNotContainAnyElementsOf(codes);
        byte[] sealed = jdbc.sql("select totp_secret from provider where id = ?")
                .param(id)
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(secret);
        assertThat(Inbox.await(provider.email(), 2).subject()).isEqualTo("Zwei-Faktor-Anmeldung eingeschaltet");
    }

    @Test
    void signInAsksForTheCodeAfterThePasswordAndOnlyThenSignsIn() {
        Enrolled e = enrolled();
        ApiSession browser = browser();
        var password = e.provider().login(browser).expect(202);
        assertThat(JsonPath.<Boolean>read(password.text(), "$.secondFactorRequired"))
                .isTrue();
        browser.get("/api/auth/me").expect(401);
        browser.get("/api/documents").expect(401);

        String session = browser.cookie("__Host-oc-session");
        var signedIn = browser.post("/api/auth/login/second-factor", Map.of("code", Totp.code(e.secret(), 1)))
                .expect(200);
        assertThat(JsonPath.<String>read(signedIn.text(), "$.email"))
                .isEqualTo(e.provider().email());
        assertThat(browser.cookie("__Host-oc-session")).isNotEqualTo(session);
        browser.get("/api/documents").expect(200);
    }

    @Test
    void aCodeIsAcceptedOnce() {
        Enrolled e = enrolled();
        // the enrolment used the current step's code already
        ApiSession browser = browser();
        e.provider().login(browser).expect(202);
        assertThat(browser.post("/api/auth/login/second-factor", Map.of("code", Totp.code(e.secret(), 0)))
                        .expect(403)
                        .problemType())
                .isEqualTo("wrong-code");
        browser.get("/api/auth/me").expect(401);
    }

    @Test
    void aRecoveryCodeSignsInOnce() {
        Enrolled e = enrolled();
        String recovery = e.recoveryCodes().get(3);
        ApiSession first = browser();
        e.provider().login(first).expect(202);
        first.post("/api/auth/login/second-factor", Map.of("code", recovery.toUpperCase()))
                .expect(200);
        first.get("/api/auth/me").expect(200);

        ApiSession second = browser();
        e.provider().login(second).expect(202);
        second.post("/api/auth/login/second-factor", Map.of("code", recovery)).expect(403);
        second.get("/api/auth/me").expect(401);
    }

    @Test
    void fiveWrongCodesEndThePendingSignIn() {
        Enrolled e = enrolled();
        ApiSession browser = browser();
        e.provider().login(browser).expect(202);
        for (int i = 0; i < 5; i++) {
            browser.post("/api/auth/login/second-factor", Map.of("code", "zzzz-zzzz-zzzz"))
                    .expect(403);
        }
        var expired = browser.post("/api/auth/login/second-factor", Map.of("code", Totp.code(e.secret(), 1)))
                .expect(401);
        assertThat(expired.problemType()).isEqualTo("second-factor-expired");
    }

    @Test
    void theCodeStepWithoutThePasswordStepIsRefused() {
        ApiSession browser = browser();
        browser.get("/api/auth/csrf");
        assertThat(browser.post("/api/auth/login/second-factor", Map.of("code", "123456"))
                        .expect(401)
                        .problemType())
                .isEqualTo("second-factor-expired");
    }

    @Test
    void turningItOffNeedsThePasswordAndACode() {
        Enrolled e = enrolled();
        ApiSession browser = e.browser();
        String code = Totp.code(e.secret(), 1);
        assertThat(browser.post("/api/auth/two-factor/disable", Map.of("password", "not the password", "code", code))
                        .expect(403)
                        .problemType())
                .isEqualTo("wrong-password");
        assertThat(browser.post(
                                "/api/auth/two-factor/disable",
                                Map.of("password", e.provider().password(), "code", "999999"))
                        .expect(403)
                        .problemType())
                .isEqualTo("wrong-code");
        browser.post(
                        "/api/auth/two-factor/disable",
                        Map.of("password", e.provider().password(), "code", code))
                .expect(200);
        assertThat(JsonPath.<Boolean>read(browser.get("/api/auth/me").text(), "$.twoFactorEnabled"))
                .isFalse();
        e.provider().login(browser()).expect(200);
        assertThat(Inbox.await(e.provider().email(), 3).subject()).isEqualTo("Zwei-Faktor-Anmeldung ausgeschaltet");
    }

    @Test
    void anOrganisationThatRequiresItSendsAnAccountWithoutOneToEnrolFirst() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        verified(provider.signUp(browser).expect(201).id());
        var updated = browser.patch("/api/auth/account", Map.of("requireTwoFactor", true))
                .expect(200);
        assertThat(JsonPath.<Boolean>read(updated.text(), "$.twoFactorEnrolmentRequired"))
                .isTrue();

        ApiSession next = browser();
        provider.login(next).expect(200);
        assertThat(next.get("/api/documents").expect(403).problemType()).isEqualTo("two-factor-enrolment-required");
        String secret = JsonPath.read(
                next.post("/api/auth/two-factor/setup", Map.of("password", provider.password()))
                        .expect(200)
                        .text(),
                "$.secret");
        next.post("/api/auth/two-factor/enable", Map.of("code", Totp.code(secret, 0)))
                .expect(200);
        next.get("/api/documents").expect(200);
        assertThat(JsonPath.<Boolean>read(next.get("/api/auth/me").text(), "$.twoFactorEnrolmentRequired"))
                .isFalse();

        var refused = next.post(
                        "/api/auth/two-factor/disable",
                        Map.of("password", provider.password(), "code", Totp.code(secret, 1)))
                .expect(409);
        assertThat(refused.problemType()).isEqualTo("two-factor-required");
        provider.login(browser()).expect(202);
    }

    @Test
    void deletingTheAccountNeedsACodeWhenItIsOn() {
        Enrolled e = enrolled();
        ApiSession browser = e.browser();
        assertThat(browser.delete(
                                "/api/auth/account",
                                Map.of("password", e.provider().password()))
                        .expect(403)
                        .problemType())
                .isEqualTo("wrong-code");
        browser.delete(
                        "/api/auth/account",
                        Map.of(
                                "password",
                                e.provider().password(),
                                "code",
                                e.recoveryCodes().get(0)))
                .expect(204);
        e.provider().login(browser()).expect(401);
    }
}
