package ch.ontrack.provider.account;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * TOTP as authenticator apps do it (RFC 6238: HMAC-SHA1, 6 digits, 30 s), computed by java-otp. A code is
 * accepted for the current time step and one step either side (clock drift); the caller makes each step
 * usable once.
 */
final class Totp {

    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator();
    private static final long STEP_SECONDS = GENERATOR.getTimeStep().toSeconds();

    private Totp() {}

    /** The time step the code belongs to, if it is right for now, the step before or the step after. */
    static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        SecretKeySpec key = new SecretKeySpec(secret, GENERATOR.getAlgorithm());
        long current = now.getEpochSecond() / STEP_SECONDS;
        boolean found = false;
        long matched = 0;
        for (long step = current - 1; step <= current + 1; step++) {
            try {
                // compare every step, so the time taken does not tell which one matched
                String expected = GENERATOR.generateOneTimePasswordString(
                        key, Instant.ofEpochSecond(step * STEP_SECONDS), java.util.Locale.ROOT);
                if (java.security.MessageDigest.isEqual(expected.getBytes(), digits.getBytes()) && !found) {
                    found = true;
                    matched = step;
                }
            } catch (InvalidKeyException e) {
                throw new IllegalStateException(e);
            }
        }
        return found ? OptionalLong.of(matched) : OptionalLong.empty();
    }
}
