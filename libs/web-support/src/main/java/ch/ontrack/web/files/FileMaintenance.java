package ch.ontrack.web.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operations behind {@code files rewrap}, {@code files encrypt} and {@code files migrate}. Each works one file at
 * a time, each step ending in one conditional update, so they may run while the backend serves, be stopped at any
 * moment and be run again: what is done stays done, the rest is picked up.
 */
public class FileMaintenance {

    /** How a run ended: files handled, files still to do, and why those failed (one sentence each). */
    public record Outcome(int done, int left, List<String> problems) {}

    private static final Logger log = LoggerFactory.getLogger(FileMaintenance.class);
    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final Envelope envelope;
    private final FileStore store;
    private final S3Blobs s3;

    FileMaintenance(JdbcClient jdbc, Envelope envelope, FileStore store, S3Blobs s3) {
        this.jdbc = jdbc;
        this.envelope = envelope;
        this.store = store;
        this.s3 = s3;
    }

    /** Wraps every data key not yet under the primary key-encryption key with it (the keys themselves stay). */
    public Outcome rewrap() {
        int done = 0;
        List<String> problems = new ArrayList<>();
        for (FileObject file : pending("key_id is not null and key_id <> ?", envelope.primary())) {
            try {
                byte[] wrapped = envelope.rewrap(file.id(), file.keyId(), file.wrappedKey());
                done += jdbc.sql("update file_object set key_id = ?, wrapped_key = ? where id = ? and key_id = ?")
                        .params(envelope.primary(), wrapped, file.id(), file.keyId())
                        .update();
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        int clear = count("key_id is null");
        if (clear > 0) {
            problems.add(clear + " files stored before encryption are still in clear; `files encrypt` encrypts them"
                    + " in PostgreSQL, `files migrate` as it moves them to S3.");
        }
        return new Outcome(done, problems.size() - (clear > 0 ? 1 : 0) + clear, problems);
    }

    /**
     * Copies every file stored in PostgreSQL to S3 (encrypting files stored before encryption), checks the copy
     * against the SHA-256 of the stored bytes, then points the row at S3; the chunks go later ({@link FileCleanup}),
     * after reads that began before the move. {@code keepGoing} is asked before each file.
     */
    public Outcome migrate(BooleanSupplier keepGoing) {
        if (s3 == null) {
            throw new IllegalStateException("No S3 bucket is configured: set S3_BUCKET and S3_REGION first.");
        }
        int done = 0;
        List<String> problems = new ArrayList<>();
        for (FileObject file : pending("store = 'postgres'", null)) {
            if (!keepGoing.getAsBoolean()) {
                break;
            }
            try {
                done += copyToS3(file) ? 1 : 0;
            } catch (RuntimeException | IOException | GeneralSecurityException e) {
                problems.add("File " + file.id() + ": " + e.getMessage());
            }
        }
        return new Outcome(done, count("store = 'postgres'"), problems);
    }

    /**
     * Encrypts every file stored in PostgreSQL before encryption where it is: its encrypted chunks go into the next
     * chunk set, are read back and checked, then the row points at them with the file's new data key; the clear
     * chunks go later ({@link FileCleanup}), after reads that began before. {@code keepGoing} is asked before each
     * file.
     */
    public Outcome encrypt(BooleanSupplier keepGoing) {
        String clear = "store = 'postgres' and key_id is null";
        int done = 0;
        List<String> problems = new ArrayList<>();
        for (FileObject file : pending(clear, null)) {
            if (!keepGoing.getAsBoolean()) {
                break;
            }
            try {
                done += encryptInPlace(file) ? 1 : 0;
            } catch (RuntimeException | IOException | GeneralSecurityException e) {
                if (stillStored(file.id())) { // a file deleted meanwhile needs nothing more
                    problems.add("File " + file.id() + ": " + e.getMessage());
                }
            }
        }
        return new Outcome(done, count(clear), problems);
    }

    private boolean encryptInPlace(FileObject file) throws IOException, GeneralSecurityException {
        PostgresBlobs postgres = (PostgresBlobs) store.blobs(FileStoreSettings.Kind.POSTGRES);
        int next = file.chunkSet() + 1;
        dropChunkSetsFrom(file.id(), next); // what an interrupted run left
        Envelope.DataKey key = envelope.create(file.id());
        Blobs.Sink sink = postgres.create(file.id(), next);
        DigestOutputStream copy = new DigestOutputStream(sink, FileStore.sha256());
        byte[] source;
        try {
            source = copyFromPostgres(file, copy, key);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            dropChunkSetsFrom(file.id(), next);
            throw e;
        }
        byte[] sha256 = copy.getMessageDigest().digest();
        FileObject encrypted = new FileObject(
                file.id(),
                FileStoreSettings.Kind.POSTGRES,
                file.size(),
                jdbc.sql("select coalesce(sum(length(data)), 0) from file_object_chunk where object_id = ?"
                                + " and chunk_set = ?")
                        .params(file.id(), next)
                        .query(Long.class)
                        .single(),
                sha256,
                key.keyId(),
                key.wrapped(),
                next);
        Stored back = read(Channels.newInputStream(postgres.open(encrypted)));
        if ((file.sha256() != null && !Arrays.equals(file.sha256(), source)) || !Arrays.equals(sha256, back.sha256())) {
            dropChunkSetsFrom(file.id(), next);
            throw new IllegalStateException("its chunks do not match the SHA-256 recorded when it was written, or"
                    + " the encrypted copy does not match what was sent; it stays in clear.");
        }
        int updated = jdbc.sql("update file_object set chunk_set = ?, key_id = ?, wrapped_key = ?, sha256 = ?,"
                        + " stored_size = ?, moved_at = now() where id = ? and store = 'postgres' and key_id is null"
                        + " and chunk_set = ?")
                .params(next, key.keyId(), key.wrapped(), sha256, back.size(), file.id(), file.chunkSet())
                .update();
        if (updated == 0) { // deleted or moved meanwhile: the copy is not wanted
            dropChunkSetsFrom(file.id(), next);
            return false;
        }
        log.info("File {} encrypted in PostgreSQL ({} bytes stored)", file.id(), back.size());
        return true;
    }

    private void dropChunkSetsFrom(UUID id, int chunkSet) {
        jdbc.sql("delete from file_object_chunk where object_id = ? and chunk_set >= ?")
                .params(id, chunkSet)
                .update();
    }

    /**
     * Streams the file's bytes in PostgreSQL into {@code target}, encrypted with {@code key} unless it is null, and
     * closes it; returns the SHA-256 of the bytes read.
     */
    private byte[] copyFromPostgres(FileObject file, OutputStream target, Envelope.DataKey key)
            throws IOException, GeneralSecurityException {
        MessageDigest read = FileStore.sha256();
        try (InputStream source = Channels.newInputStream(
                store.blobs(FileStoreSettings.Kind.POSTGRES).open(file))) {
            OutputStream out = key == null ? target : key.aead().newEncryptingStream(target, Envelope.aad(file.id()));
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = source.read(buffer)) > 0; ) {
                read.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            out.close();
        }
        return read.digest();
    }

    private boolean copyToS3(FileObject file) throws IOException, GeneralSecurityException {
        Blobs.Sink sink = s3.create(file.id());
        DigestOutputStream copy = new DigestOutputStream(sink, FileStore.sha256());
        Envelope.DataKey key = file.keyId() == null ? envelope.create(file.id()) : null;
        long storedSize;
        byte[] source;
        try {
            source = copyFromPostgres(file, copy, key);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            sink.abort();
            throw e;
        }
        byte[] sha256 = copy.getMessageDigest().digest();
        if (key == null && file.sha256() != null && !Arrays.equals(file.sha256(), source)) {
            s3.delete(file.id());
            throw new IllegalStateException("its chunks in PostgreSQL do not match the SHA-256 recorded when it was"
                    + " written; it stays in PostgreSQL.");
        }
        storedSize = verify(file.id(), sha256);
        int moved = key == null
                ? jdbc.sql("update file_object set store = 's3', moved_at = now(), sha256 = ? where id = ?"
                                + " and store = 'postgres'")
                        .params(sha256, file.id())
                        .update()
                : jdbc.sql("update file_object set store = 's3', moved_at = now(), sha256 = ?, stored_size = ?,"
                                + " key_id = ?, wrapped_key = ? where id = ? and store = 'postgres' and key_id is null")
                        .params(sha256, storedSize, key.keyId(), key.wrapped(), file.id())
                        .update();
        if (moved == 0) { // deleted (or moved) meanwhile: the copy is not wanted
            s3.delete(file.id());
            return false;
        }
        log.info("File {} moved to S3 ({} bytes stored)", file.id(), storedSize);
        return true;
    }

    /** Reads the object back and compares its SHA-256 with the one computed while writing it; returns its size. */
    private long verify(UUID id, byte[] expected) throws IOException {
        Stored back = read(s3.read(id));
        if (!Arrays.equals(expected, back.sha256())) {
            s3.delete(id);
            throw new IllegalStateException(
                    "its copy in S3 does not match the SHA-256 of the bytes sent; it stays in" + " PostgreSQL.");
        }
        return back.size();
    }

    private record Stored(byte[] sha256, long size) {}

    /** Reads {@code stored} to its end and closes it: the SHA-256 and the length of its bytes. */
    private static Stored read(InputStream stored) throws IOException {
        MessageDigest digest = FileStore.sha256();
        long size = 0;
        try (InputStream in = stored) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; size += n) {
                digest.update(buffer, 0, n);
            }
        }
        return new Stored(digest.digest(), size);
    }

    /** The files matching {@code condition}, read page by page (by id) so that any number of files fits. */
    private Iterable<FileObject> pending(String condition, String param) {
        return () -> new java.util.Iterator<>() {
            private List<FileObject> page = List.of();
            private int next;
            private UUID after = new UUID(0, 0); // the smallest in PostgreSQL's (unsigned, bytewise) order
            private boolean last;

            @Override
            public boolean hasNext() {
                if (next == page.size() && !last) {
                    var sql = jdbc.sql("select " + FileObject.COLUMNS + " from file_object where state = 'stored' and "
                            + condition + " and id > ? order by id limit " + PAGE);
                    page = (param == null ? sql.param(after) : sql.params(param, after))
                            .query(FileObject::map)
                            .list();
                    next = 0;
                    last = page.size() < PAGE;
                    if (!page.isEmpty()) {
                        after = page.get(page.size() - 1).id();
                    }
                }
                return next < page.size();
            }

            @Override
            public FileObject next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return page.get(next++);
            }
        };
    }

    private boolean stillStored(UUID id) {
        return jdbc.sql("select count(*) from file_object where id = ? and state = 'stored'")
                        .param(id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private int count(String condition) {
        return jdbc.sql("select count(*) from file_object where state = 'stored' and " + condition)
                .query(Integer.class)
                .single();
    }
}
