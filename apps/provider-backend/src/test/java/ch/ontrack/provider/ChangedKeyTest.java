package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.web.SealingKey;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A key that can no longer open what is stored stops start-up with a sentence naming it, instead of locking every
 * enrolled owner out or failing each waiting delivery when it is needed.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChangedKeyTest extends ApiTest {

    /** The tests' key (src/test/resources/config/application.yml). */
    private static final String KEY = "dGVzdC1hY2Nlc3MtY29kZS1rZXktMzItYnl0ZXMhISE=";

    private static final String OTHER_KEY = "b3RoZXItYWNjZXNzLWNvZGUta2V5LTMyLWJ5dGVzISE=";

    @Test
    void aChangedAccessCodeKeyStopsStartUpWhileItIsAlsoTheTwoFactorKey(CapturedOutput output) {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        provider.signUp(browser).expect(201);
        browser.post("/api/auth/two-factor/setup", Map.of("password", provider.password()))
                .expect(200);

        assertThatThrownBy(() -> replica(Map.of("ACCESS_CODE_ENCRYPTION_KEY", OTHER_KEY)))
                .hasStackTraceContaining("TOTP_ENCRYPTION_KEY cannot open the two-factor secrets stored in the"
                        + " database: they were sealed with another key.");
        String report = output.getOut().substring(output.getOut().lastIndexOf("APPLICATION FAILED TO START"));
        assertThat(report)
                .contains(
                        "TOTP_ENCRYPTION_KEY cannot open the two-factor secrets",
                        "Put the earlier value of TOTP_ENCRYPTION_KEY back")
                .doesNotContain("at ch.ontrack.web.SealingKey");
    }

    @Test
    void aChangedAccessCodeKeyStopsStartUpWhileLinksWaitForDelivery() {
        UUID outbox = UUID.randomUUID();
        UUID share = UUID.randomUUID();
        byte[] sealed = SealingKey.of(SealingKey.decode(KEY, "KEY"))
                .seal("a link token".getBytes(StandardCharsets.UTF_8), "token:" + share);
        jdbc.sql("insert into outbox (id, share_id, kind, encrypted_token, next_attempt_at)"
                        + " values (?, ?, 'DELETE', ?, now() + interval '1 hour')")
                .params(outbox, share, sealed)
                .update();
        try {
            assertThatThrownBy(
                            () -> replica(Map.of("ACCESS_CODE_ENCRYPTION_KEY", OTHER_KEY, "TOTP_ENCRYPTION_KEY", KEY)))
                    // access codes are checked first: another test's share may hold one, sealed with the same key
                    .hasStackTraceContaining("ACCESS_CODE_ENCRYPTION_KEY cannot open the")
                    .hasStackTraceContaining("stored in the database: they were sealed with another key.");
        } finally {
            jdbc.sql("delete from outbox where id = ?").param(outbox).update();
        }
    }

    /** Starts another replica on the tests' database with these settings changed; closes it if it starts. */
    private static void replica(Map<String, String> changed) {
        // as arguments: they win over src/test/resources/config/application.yml, which sets the tests' key
        String[] arguments = changed.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        new SpringApplicationBuilder(ProviderBackendApplication.class)
                .properties(Replicas.settings())
                .run(arguments)
                .close();
    }
}
