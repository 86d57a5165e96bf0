package ch.ontrack.web.files;

import java.util.UUID;

/**
 * A stored file's row in {@code file_object}: where its bytes are, their plaintext {@code size}, the stored
 * (encrypted) {@code storedSize} and SHA-256, its data key wrapped by the key {@code keyId}, and in PostgreSQL the
 * {@code chunkSet} that holds its chunks. A null {@code keyId}: a file stored before encryption, read as it is until
 * {@code files encrypt} (or {@code files migrate}) encrypts it.
 */
record FileObject(
        UUID id,
        FileStoreSettings.Kind store,
        long size,
        long storedSize,
        byte[] sha256,
        String keyId,
        byte[] wrappedKey,
        int chunkSet) {

    static FileObject map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new FileObject(
                rs.getObject("id", UUID.class),
                FileStoreSettings.Kind.valueOf(rs.getString("store").toUpperCase(java.util.Locale.ROOT)),
                rs.getLong("size"),
                rs.getLong("stored_size"),
                rs.getBytes("sha256"),
                rs.getString("key_id"),
                rs.getBytes("wrapped_key"),
                rs.getInt("chunk_set"));
    }

    static final String COLUMNS = "id, store, size, stored_size, sha256, key_id, wrapped_key, chunk_set";
}
