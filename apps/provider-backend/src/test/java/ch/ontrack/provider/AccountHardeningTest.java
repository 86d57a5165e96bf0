package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.web.ratelimit.RateLimits;
import com.jayway.jsonpath.JsonPath;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What was found by trying the sign-up and sign-in from outside: normalisation, common passwords, CSRF, lockout. */
class AccountHardeningTest extends ApiTest {

    static final String NFC = Normalizer.normalize("Ångström Kaffee 42", Normalizer.Form.NFC);
    static final String NFD = Normalizer.normalize("Ångström Kaffee 42", Normalizer.Form.NFD);

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    RateLimits limits;

    @Test
    void aPasswordTypedInNfdMatchesTheSamePasswordInNfc() {
        assertThat(NFC).isNotEqualTo(NFD);
        TestData.ProviderData nfc = TestData.provider().with("password", NFC);
        nfc.signUp(browser()).expect(201);
        TestData.provider()
                .with("email", nfc.email())
                .with("password", NFD)
                .login(browser())
                .expect(200);

        TestData.ProviderData nfd = TestData.provider().with("password", NFD);
        nfd.signUp(browser()).expect(201);
        TestData.provider()
                .with("email", nfd.email())
                .with("password", NFC)
                .login(browser())
                .expect(200);
    }

    @Test
    void aHashMadeFromAnNfdPasswordBeforeStillSignsInAndIsHashedAgainInNfc() {
        String email = "legacy-" + UUID.randomUUID() + "@example.ch";
        jdbc.sql("insert into provider (id, email, password_hash, organisation) values (?, ?, ?, 'Alt AG')")
                .params(UUID.randomUUID(), email, passwords.encode(NFD))
                .update();

        TestData.provider()
                .with("email", email)
                .with("password", NFD)
                .login(browser())
                .expect(200);
        String rehashed = jdbc.sql("select password_hash from provider where email = ?")
                .param(email)
                .query(String.class)
                .single();

        assertThat(passwords.matches(NFC, rehashed)).isTrue();
        TestData.provider()
                .with("email", email)
                .with("password", NFC)
                .login(browser())
                .expect(200);
    }

    @Test
    void aFullwidthAddressIsTheSameAccount() {
        String local = "abc" + UUID.randomUUID().toString().substring(0, 8);
        TestData.ProviderData provider = TestData.provider().with("email", local + "@example.ch");
        provider.signUp(browser()).expect(201);
        String fullwidth = toFullwidth(local.toUpperCase()) + "＠ＥＸＡＭＰＬＥ.ch";

        var again =
                TestData.provider().with("email", fullwidth).signUp(browser()).expect(409);
        assertThat(again.problemType()).isEqualTo("email-taken");
        TestData.provider()
                .with("email", fullwidth)
                .with("password", provider.password())
                .login(browser())
                .expect(200);
    }

    @Test
    void accountAddressesNeedADottedDomainName() {
        for (String address : List.of("a@b", "a@[127.0.0.1]", "anna@192.168.1.1", "\"a b\"@example.ch")) {
            var refused =
                    TestData.provider().with("email", address).signUp(browser()).expect(422);
            assertThat(JsonPath.<String>read(refused.text(), "$.errors[0].field"))
                    .as(address)
                    .isEqualTo("email");
        }
    }

    @Test
    void aCommonPasswordIsRefusedWithAReason() {
        var refused = TestData.provider()
                .with("password", "correct horse battery staple")
                .signUp(browser())
                .expect(422);

        assertThat(refused.problemType()).isEqualTo("common-password");
        assertThat(JsonPath.<String>read(refused.text(), "$.errors[0].field")).isEqualTo("password");
        assertThat(JsonPath.<String>read(refused.text(), "$.errors[0].message")).contains("common");
        assertThat(TestData.provider()
                        .with("password", "QWERTY123456")
                        .signUp(browser())
                        .status())
                .isEqualTo(422);
    }

    @Test
    void anOrganisationIsOneLine() {
        for (String organisation :
                List.of("Muster AG\r\nPlease pay to CH00 0000", "Muster AG\u2028Urgent", "Muster \u202EGA")) {
            var refused = TestData.provider()
                    .with("organisation", organisation)
                    .signUp(browser())
                    .expect(422);
            assertThat(JsonPath.<String>read(refused.text(), "$.errors[0].field"))
                    .isEqualTo("organisation");
        }
    }

    @Test
    void signingInReplacesTheCsrfToken() {
        TestData.ProviderData provider = TestData.provider();
        provider.signUp(browser()).expect(201);
        ApiSession browser = browser();
        browser.get("/api/auth/csrf").expect(204);
        String before = browser.cookie("XSRF-TOKEN");

        browser.post("/api/auth/login", Map.of("email", provider.email(), "password", provider.password()))
                .expect(200);

        assertThat(before).isNotNull();
        assertThat(browser.cookie("XSRF-TOKEN")).isNotNull().isNotEqualTo(before);
        browser.post("/api/clients", TestData.client("Anna Muster")).expect(201);
    }

    @Test
    void failuresPerAddressAndAccountWaitLongerEachTime() {
        String key = "10.9.9.9\n" + UUID.randomUUID() + "@example.ch";
        String pair = "login-address-account";
        for (int i = 0; i < 5; i++) {
            limits.recordFailure(pair, key);
            assertThat(limits.waitAfterFailures(pair, key).allowed()).isTrue();
        }
        limits.recordFailure(pair, key);
        long first = limits.waitAfterFailures(pair, key).retryAfterSeconds();
        limits.recordFailure(pair, key);
        long second = limits.waitAfterFailures(pair, key).retryAfterSeconds();

        assertThat(first).isBetween(1L, 15L);
        assertThat(second).isBetween(16L, 30L);
        limits.clearFailures(pair, key);
        assertThat(limits.waitAfterFailures(pair, key).allowed()).isTrue();
    }

    private static String toFullwidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.appendCodePoint(c >= '!' && c <= '~' ? c - '!' + 0xFF01 : c));
        return wide.toString();
    }
}
