package ch.ontrack.web.files;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The key-encryption keys from FILE_ENCRYPTION_KEYS ({@code id:base64,id:base64,...}): the first wraps the data
 * keys of new files, the others only unwrap the data keys of older files until {@code files rewrap} has moved them.
 */
final class EncryptionKeys {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String primary;
    private final Map<String, Aead> keys;

    private EncryptionKeys(String primary, Map<String, Aead> keys) {
        this.primary = primary;
        this.keys = keys;
    }

    static EncryptionKeys parse(String list) {
        Map<String, Aead> keys = new LinkedHashMap<>();
        String[] entries = list == null ? new String[0] : list.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon);
            byte[] raw = decode(colon < 0 ? "" : entry.substring(colon + 1));
            if (!ID.matcher(id).matches() || raw == null || raw.length != 32) {
                throw new IllegalArgumentException("FILE_ENCRYPTION_KEYS entry " + (i + 1)
                        + " is not <id>:<base64 of 32 bytes> (the id: letters, digits, '.', '_' or '-').");
            }
            if (keys.put(id, aead(raw)) != null) {
                throw new IllegalArgumentException("FILE_ENCRYPTION_KEYS names the key id " + id + " twice.");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("FILE_ENCRYPTION_KEYS is empty: give at least one <id>:<base64> key.");
        }
        return new EncryptionKeys(keys.keySet().iterator().next(), Map.copyOf(keys));
    }

    String primary() {
        return primary;
    }

    Set<String> ids() {
        return keys.keySet();
    }

    /** The key-encryption key of this id; fails with a sentence when the id is no longer configured. */
    boolean has(String id) {
        return keys.containsKey(id);
    }

    Aead get(String id) {
        Aead key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("The file key " + id + " is not in FILE_ENCRYPTION_KEYS any more.");
        }
        return key;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Aead aead(byte[] raw) {
        try {
            AeadConfig.register();
            AesGcmParameters parameters = AesGcmParameters.builder()
                    .setKeySizeBytes(32)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
            AesGcmKey key = AesGcmKey.builder()
                    .setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
                    .build();
            return KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
                    .build()
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink refused an AES-256-GCM key", e);
        }
    }
}
