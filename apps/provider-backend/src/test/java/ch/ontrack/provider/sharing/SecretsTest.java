package ch.ontrack.provider.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Sealing of codes and tokens waiting in the database: AES-GCM bound to its row. */
class SecretsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static Secrets secrets(String key) {
        URI any = URI.create("http://localhost");
        return new Secrets(new SharingSettings(any, any, any, "secret", key, Duration.ofSeconds(5)), null);
    }

    @Test
    void aSealedCodeOpensWithItsContext() {
        Secrets secrets = secrets(KEY);

        byte[] sealed = secrets.seal("K7M2P-9QRST", "code:1");

        assertThat(secrets.open(sealed, "code:1")).isEqualTo("K7M2P-9QRST");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("K7M2P");
    }

    @Test
    void sealingTwiceGivesDifferentBytes() {
        Secrets secrets = secrets(KEY);

        assertThat(secrets.seal("same", "code:1")).isNotEqualTo(secrets.seal("same", "code:1"));
    }

    @Test
    void aValueMovedToAnotherRowOrChangedDoesNotOpen() {
        Secrets secrets = secrets(KEY);
        byte[] sealed = secrets.seal("K7M2P-9QRST", "code:1");

        assertThatThrownBy(() -> secrets.open(sealed, "code:2")).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> secrets.open(sealed, "code:1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotOpen() {
        byte[] sealed = secrets(KEY).seal("K7M2P-9QRST", "code:1");
        byte[] other = new byte[32];
        other[0] = 1;

        assertThatThrownBy(
                        () -> secrets(Base64.getEncoder().encodeToString(other)).open(sealed, "code:1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theKeyMustBeThirtyTwoBytesOfBase64() {
        assertThatThrownBy(() -> secrets(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessage("ACCESS_CODE_ENCRYPTION_KEY must be 32 bytes (base64), is 16");
        assertThatThrownBy(() -> secrets("not base64!")).hasMessage("ACCESS_CODE_ENCRYPTION_KEY must be base64");
    }
}
