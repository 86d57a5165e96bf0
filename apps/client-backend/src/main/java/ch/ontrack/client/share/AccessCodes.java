package ch.ontrack.client.share;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Access codes: 10 characters from an alphabet without look-alikes (about 49 bits), shown as
 * XXXXX-XXXXX, stored with Argon2id because they are far below 112 bits.
 */
@Component
public class AccessCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 10;

    private final SecureRandom random = new SecureRandom();
    // OWASP parameters: m=19 MiB, t=2, p=1; Spring's defaults differ, so they are spelled out
    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
    // each hash takes 19 MiB: a burst of unlocks from many addresses must not exhaust the heap
    private final Semaphore hashing =
            new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

    /** A new code and its hash. */
    public record Issued(String code, String hash) {}

    public Issued issue() {
        String code = generate();
        return new Issued(code, bounded(() -> encoder.encode(normalize(code))));
    }

    public boolean matches(String input, String hash) {
        String normalized = normalize(input);
        if (normalized.length() != LENGTH) {
            return false;
        }
        return bounded(() -> encoder.matches(normalized, hash));
    }

    private <T> T bounded(Supplier<T> work) {
        hashing.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            hashing.release();
        }
    }

    String generate() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Typed codes may be lower case and carry dashes or spaces. */
    static String normalize(String input) {
        return input == null ? "" : input.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
