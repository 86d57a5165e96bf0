package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.web.testing.Totp;
import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sign-in from a browser and system the account has not been used from is mailed to its owner. */
class SignInDevicesTest extends ApiTest {

    private static final String CHROME_ON_LINUX =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    private static final String FIREFOX_ON_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private ApiSession from(String userAgent) {
        return browser().header("User-Agent", userAgent).header("Accept-Language", "en");
    }

    @Test
    void aNewDeviceIsToldOnceAndTheFirstOneNotAtAll() {
        TestData.ProviderData provider = TestData.provider();
        provider.signUp(from(CHROME_ON_LINUX)).expect(201);
        Inbox.await(provider.email(), 1); // the verification link
        provider.login(from(CHROME_ON_LINUX)).expect(200);

        ApiSession firefox = from(FIREFOX_ON_WINDOWS);
        provider.login(firefox).expect(200);
        Inbox.Mail notice = Inbox.await(provider.email(), 2);
        assertThat(notice.subject()).isEqualTo("New sign-in to your account");
        assertThat(notice.text())
                .contains("Firefox on Windows", "address " + firefox.header("X-Forwarded-For"))
                .doesNotContain("Chrome");
        assertThat(notice.html()).contains("Firefox on Windows");

        provider.login(from(FIREFOX_ON_WINDOWS)).expect(200);
        provider.login(from(CHROME_ON_LINUX)).expect(200);
        sleepBriefly();
        assertThat(Inbox.all(provider.email()))
                .as("devices seen before are not told again")
                .hasSize(2);
    }

    @Test
    void aSignInWithASecondFactorIsToldOnlyOnceTheCodeIsRight() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession first = from(CHROME_ON_LINUX);
        provider.signUp(first).expect(201);
        String secret = JsonPath.read(
                first.post("/api/auth/two-factor/setup", Map.of("password", provider.password()))
                        .expect(200)
                        .text(),
                "$.secret");
        first.post("/api/auth/two-factor/enable", Map.of("code", Totp.code(secret, 0)))
                .expect(200);
        Inbox.await(provider.email(), 2); // the verification link, two-factor sign-in on
        int before = 2;

        ApiSession unknown = from("curl/8.5.0");
        provider.login(unknown).expect(202);
        sleepBriefly();
        assertThat(Inbox.all(provider.email()))
                .as("the password alone signs nobody in")
                .hasSize(before);
        unknown.post("/api/auth/login/second-factor", Map.of("code", Totp.code(secret, 1)))
                .expect(200);
        Inbox.Mail notice = Inbox.await(provider.email(), before + 1);
        assertThat(notice.text()).contains("an unknown device");
    }

    @Test
    void theDevicesGoWithTheAccount() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = from(CHROME_ON_LINUX);
        var id = provider.signUp(browser).expect(201).id();
        assertThat(jdbc.sql("select device from sign_in_device where provider_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("Chrome on Linux");
        browser.delete("/api/auth/account", Map.of("password", provider.password()))
                .expect(204);
        assertThat(jdbc.sql("select count(*) from sign_in_device where provider_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    /** Mails go out in the background: long enough for one that should not exist to have arrived. */
    private static void sleepBriefly() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
