package ch.ontrack.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for small values that must wait in a database (access codes, tokens to mail, TOTP secrets): a random
 * 96-bit IV in front of the ciphertext, and a context (e.g. "code:" + the row's id) bound as associated data, so a
 * sealed value cannot be moved to another row or changed without failing to open.
 */
public final class SealingKey {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    private SealingKey(byte[] raw) {
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** 32 raw key bytes, e.g. derived for one purpose from a configured key. */
    public static SealingKey of(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("A sealing key has 32 bytes, not " + raw.length);
        }
        return new SealingKey(raw.clone());
    }

    /** The 32 bytes of a key configured as base64 in {@code variable}; a wrong one stops start-up naming it. */
    public static byte[] decode(String base64, String variable) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " must be base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException(variable + " must be 32 bytes (base64), is " + raw.length);
        }
        return raw;
    }

    public byte[] seal(byte[] plain, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** The plain bytes; IllegalStateException when the context, the key or a byte differs. */
    /**
     * Stops start-up with a sentence when this key cannot open a value already stored: it was sealed with another key,
     * and every such value would fail the first time it is needed. {@code variable} names the setting to put back.
     */
    public void checkOpens(byte[] sealed, String context, String variable, String what) {
        try {
            open(sealed, context);
        } catch (IllegalStateException e) {
            throw new WrongKey(
                    variable,
                    variable + " cannot open the " + what + " stored in the database: they were sealed with another"
                            + " key.");
        }
    }

    /** The configured key does not open a stored value; {@link WrongKeyFailureAnalyzer} reports it. */
    public static final class WrongKey extends IllegalStateException {

        private final String variable;

        WrongKey(String variable, String message) {
            super(message);
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }

    public byte[] open(byte[] sealed, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Decryption failed", e);
        }
    }
}
