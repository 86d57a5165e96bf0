package ch.ontrack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Sealing of small values kept in a database: AES-GCM bound to its context, no Spring, no database. */
class SealingKeyTest {

    private static final SealingKey KEY = SealingKey.of(new byte[32]);

    @Test
    void aSealedValueOpensWithItsContextAndHidesThePlainText() {
        byte[] sealed = KEY.seal("K7M2P-9QRST".getBytes(StandardCharsets.UTF_8), "code:1");

        assertThat(new String(KEY.open(sealed, "code:1"), StandardCharsets.UTF_8))
                .isEqualTo("K7M2P-9QRST");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("K7M2P");
        assertThat(KEY.seal(new byte[] {1}, "c")).isNotEqualTo(KEY.seal(new byte[] {1}, "c"));
    }

    @Test
    void anotherContextKeyOrByteDoesNotOpen() {
        byte[] sealed = KEY.seal(new byte[] {1, 2, 3}, "code:1");
        byte[] other = new byte[32];
        other[0] = 1;

        assertThatThrownBy(() -> KEY.open(sealed, "code:2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SealingKey.of(other).open(sealed, "code:1")).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> KEY.open(sealed, "code:1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> KEY.open(new byte[3], "code:1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aConfiguredKeyMustBe32BytesOfBase64AndTheSentenceNamesTheVariable() {
        assertThat(SealingKey.decode(Base64.getEncoder().encodeToString(new byte[32]) + "\n", "K"))
                .hasSize(32);
        assertThatThrownBy(() -> SealingKey.decode("not base64!", "ACCESS_CODE_ENCRYPTION_KEY"))
                .hasMessage("ACCESS_CODE_ENCRYPTION_KEY must be base64");
        assertThatThrownBy(() -> SealingKey.decode(Base64.getEncoder().encodeToString(new byte[16]), "K"))
                .hasMessage("K must be 32 bytes (base64), is 16");
        assertThatThrownBy(() -> SealingKey.of(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
