package ch.ontrack.client.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class AccessCodesTest {

    private final AccessCodes codes = new AccessCodes();

    @Test
    void codesAreTenCharactersWithoutLookAlikesShownInTwoGroups() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            String code = codes.generate();
            assertThat(code).matches("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}");
            seen.add(code);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void issuedCodeIsStoredAsArgon2idAndMatchesHowEverItIsTyped() {
        var issued = codes.issue();
        String plain = issued.code().replace("-", "");

        assertThat(issued.hash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(codes.matches(plain.toLowerCase(), issued.hash())).isTrue();
        assertThat(codes.matches(plain.substring(0, 5) + " " + plain.substring(5), issued.hash()))
                .isTrue();
        assertThat(codes.matches("22222-22222", issued.hash())).isFalse();
        assertThat(codes.matches("", issued.hash())).isFalse();
    }

    @Test
    void theAlphabetHasNoLookAlikesAndGivesAboutFortyNineBits() {
        assertThat(AccessCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L").hasSize(31);
        assertThat(AccessCodes.LENGTH * Math.log(AccessCodes.ALPHABET.length()) / Math.log(2))
                .isBetween(49.0, 50.0);
    }

    @Test
    void typedCodesAreNormalisedToUpperCaseWithoutSeparators() {
        assertThat(AccessCodes.normalize(" k7m2p-9qrst ")).isEqualTo("K7M2P9QRST");
        assertThat(AccessCodes.normalize("K7M2P 9QRST")).isEqualTo("K7M2P9QRST");
        assertThat(AccessCodes.normalize(null)).isEmpty();
    }

    @Test
    void aCodeOfTheWrongLengthIsRefusedWithoutHashing() {
        assertThat(codes.matches("K7M2P-9QRS", "not-a-hash")).isFalse();
        assertThat(codes.matches("K7M2P-9QRSTU", "not-a-hash")).isFalse();
    }
}
