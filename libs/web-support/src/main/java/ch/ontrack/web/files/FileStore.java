package ch.ontrack.web.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bytes of the backends' files, encrypted (ADR 0310) in PostgreSQL or S3 ({@link FileStoreSettings}). A write
 * joins the caller's transaction: the row and, in PostgreSQL, the chunks appear with the caller's own rows or not at
 * all; an S3 object whose row never committed is an orphan that {@link FileCleanup} removes. Reads decrypt only the
 * 1 MiB segments that hold the bytes asked for.
 */
public class FileStore {

    private final JdbcClient jdbc;
    private final Envelope envelope;
    private final FileStoreSettings.Kind target;
    private final PostgresBlobs postgres;
    private final S3Blobs s3;

    FileStore(JdbcClient jdbc, Envelope envelope, FileStoreSettings.Kind target, PostgresBlobs postgres, S3Blobs s3) {
        this.jdbc = jdbc;
        this.envelope = envelope;
        this.target = target;
        this.postgres = postgres;
        this.s3 = s3;
    }

    /**
     * Encrypts and stores the stream under {@code id}, returning its length. A failure (including one thrown by
     * {@code in}, e.g. a size limit) leaves no blob behind and propagates.
     */
    public long write(UUID id, InputStream in) {
        Envelope.DataKey key = envelope.create(id);
        jdbc.sql("insert into file_object (id, store, key_id, wrapped_key) values (?, ?, ?, ?)")
                .params(id, name(target), key.keyId(), key.wrapped())
                .update();
        Blobs.Sink sink = blobs(target).create(id);
        Counter counter = new Counter(sink);
        DigestOutputStream digest = new DigestOutputStream(counter, sha256());
        long size;
        try {
            OutputStream encrypting = key.aead().newEncryptingStream(digest, Envelope.aad(id));
            size = in.transferTo(encrypting);
            encrypting.close(); // the last segment, then the blob completes
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            sink.abort();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException(e);
        }
        jdbc.sql("update file_object set state = 'stored', size = ?, stored_size = ?, sha256 = ? where id = ?")
                .params(size, counter.count, digest.getMessageDigest().digest(), id)
                .update();
        return size;
    }

    /** The file's bytes from {@code start} on; fails here (not halfway) when its store cannot be read. */
    public InputStream open(UUID id, long start) {
        FileObject file = find(id).orElseThrow(() -> new IllegalStateException("No stored file " + id));
        SeekableByteChannel stored = blobs(file.store()).open(file);
        try {
            SeekableByteChannel plain = file.keyId() == null
                    ? stored
                    : envelope.open(id, file.keyId(), file.wrappedKey())
                            .newSeekableDecryptingChannel(stored, Envelope.aad(id));
            plain.position(start);
            InputStream in = new BufferedInputStream(Channels.newInputStream(plain), 64 * 1024);
            in.mark(1);
            in.read(); // the first segment now: an unreachable store is a 503 before any byte is sent
            in.reset();
            return in;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Reading file " + id + " failed", e);
        }
    }

    public InputStream open(UUID id) {
        return open(id, 0);
    }

    /** Removes the file's bytes, then its row; the caller has already dropped its own reference. */
    public void delete(UUID id) {
        find(id).ifPresent(file -> blobs(file.store()).delete(id));
        jdbc.sql("delete from file_object where id = ?").param(id).update();
    }

    Optional<FileObject> find(UUID id) {
        return jdbc.sql("select " + FileObject.COLUMNS + " from file_object where id = ? and state = 'stored'")
                .param(id)
                .query(FileObject::map)
                .optional();
    }

    Blobs blobs(FileStoreSettings.Kind store) {
        if (store == FileStoreSettings.Kind.S3) {
            if (s3 == null) {
                throw new FileStoreUnavailable("A file is in S3 but no bucket is configured (S3_BUCKET)", null);
            }
            return s3;
        }
        return postgres;
    }

    static String name(FileStoreSettings.Kind store) {
        return store.name().toLowerCase(Locale.ROOT);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the stored bytes on their way to the blob. */
    private static final class Counter extends java.io.FilterOutputStream {
        long count;

        Counter(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }
}
