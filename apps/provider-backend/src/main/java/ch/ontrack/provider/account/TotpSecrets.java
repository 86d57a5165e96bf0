package ch.ontrack.provider.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.springframework.stereotype.Component;

/**
 * TOTP secrets sealed with AES-GCM before they reach the database. The key is derived with HKDF-SHA256 from
 * TOTP_ENCRYPTION_KEY, so even when that is the access-code key the two purposes never share a key (ADR 0305);
 * the account's id is bound as associated data, so a sealed secret cannot be moved to another account.
 */
@Component
class TotpSecrets {

    private static final int IV_BYTES = 12;
    private static final byte[] INFO = "oc-platform totp secrets v1".getBytes(StandardCharsets.US_ASCII);
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    TotpSecrets(AccountFlowSettings settings) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(settings.totpEncryptionKey().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TOTP_ENCRYPTION_KEY must be base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("TOTP_ENCRYPTION_KEY must be 32 bytes (base64), is " + raw.length);
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(raw, null, INFO));
        byte[] derived = new byte[32];
        hkdf.generateBytes(derived, 0, derived.length);
        key = new SecretKeySpec(derived, "AES");
    }

    /** 160 random bits, the length RFC 4226 recommends. */
    byte[] newSecret() {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return secret;
    }

    byte[] seal(byte[] secret, UUID providerId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(("totp:" + providerId).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    byte[] open(byte[] sealed, UUID providerId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            cipher.updateAAD(("totp:" + providerId).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed", e);
        }
    }
}
