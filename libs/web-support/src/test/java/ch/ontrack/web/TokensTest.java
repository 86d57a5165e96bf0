package ch.ontrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void aTokenIs256RandomBitsInBase64url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = Tokens.random();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void theStoredFormIsBase64urlOfSha256WithoutPadding() {
        // FIPS 180-2 test vector: SHA-256("abc")
        assertThat(Tokens.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Tokens.hash("abc")).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
    }

    @Test
    void theHashOfATokenNeverEqualsTheToken() {
        String token = Tokens.random();

        assertThat(Tokens.hash(token)).isNotEqualTo(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Tokens.hash(token)).isEqualTo(Tokens.hash(token));
    }
}
