package ch.ontrack.web.ratelimit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Any key (an address, an e-mail, a pair of both) becomes 64 bits of SHA-256 over the limit's name, settings and
 * the key: every row has the same small size whatever is typed, and no address or e-mail is stored. Changed
 * settings give new rows, so a bucket never runs with an old configuration.
 */
final class Keys {

    private Keys() {}

    static long id(String scope, String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(scope.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha256.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
