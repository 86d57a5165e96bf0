package ch.ontrack.web.files;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Envelope encryption (ADR 0310): each file gets its own Tink streaming AEAD key (AES256_GCM_HKDF_1MB: 1 MiB
 * segments, each decrypted and checked on its own), stored next to the file wrapped by a key-encryption key.
 * Both the wrapping and the file are bound to the file's id, so rows and blobs cannot be swapped.
 */
final class Envelope {

    /** A data key: the streaming AEAD, and its keyset as stored (wrapped by the key {@code keyId}). */
    record DataKey(String keyId, byte[] wrapped, StreamingAead aead) {}

    private final EncryptionKeys keys;

    Envelope(EncryptionKeys keys) {
        try {
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's streaming AEAD did not register", e);
        }
        this.keys = keys;
    }

    String primary() {
        return keys.primary();
    }

    DataKey create(UUID id) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, keys.get(keys.primary()), aad(id));
            return new DataKey(
                    keys.primary(), wrapped, handle.getPrimitive(RegistryConfiguration.get(), StreamingAead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Creating a file key failed", e);
        }
    }

    /**
     * The file's data key. A key id no longer in FILE_ENCRYPTION_KEYS (removed before {@code files rewrap} moved its
     * files), or holding another value than the one the file was stored under, makes the file unreadable until the
     * key is back: {@link FileStoreUnavailable}, so the API answers 503 problem+json and the log names the key.
     */
    StreamingAead open(UUID id, String keyId, byte[] wrapped) {
        if (!keys.has(keyId)) {
            throw new FileStoreUnavailable(
                    "File " + id + " is encrypted under key " + keyId + ", which FILE_ENCRYPTION_KEYS no longer holds",
                    null);
        }
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keys.get(keyId), aad(id))
                    .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        } catch (GeneralSecurityException e) {
            throw new FileStoreUnavailable(
                    "The key of file " + id + " does not open with key " + keyId
                            + ": FILE_ENCRYPTION_KEYS holds another value under that id",
                    e);
        }
    }

    /** The same data key, wrapped by the primary key-encryption key. */
    byte[] rewrap(UUID id, String keyId, byte[] wrapped) {
        try {
            KeysetHandle handle = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, keys.get(keyId), aad(id));
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, keys.get(keys.primary()), aad(id));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key of file " + id + " does not open with key " + keyId, e);
        }
    }

    static byte[] aad(UUID id) {
        return ("oc-file:" + id).getBytes(StandardCharsets.US_ASCII);
    }
}
