package ch.ontrack.provider.sharing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/** AES-GCM for what must wait in the database (codes, tokens to mail), with ACCESS_CODE_ENCRYPTION_KEY. */
@Component
class Secrets {

    private static final int IV_BYTES = 12;
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    Secrets(SharingSettings settings) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(settings.accessCodeEncryptionKey().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ACCESS_CODE_ENCRYPTION_KEY must be base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("ACCESS_CODE_ENCRYPTION_KEY must be 32 bytes (base64), is " + raw.length);
        }
        key = new SecretKeySpec(raw, "AES");
    }

    /** The context (e.g. "code:" + share id) is bound as associated data: a value cannot be moved to another row. */
    byte[] seal(String plain, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    String open(byte[] sealed, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed", e);
        }
    }
}
