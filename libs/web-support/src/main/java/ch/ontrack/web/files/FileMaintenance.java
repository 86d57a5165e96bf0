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
 * The two operations behind {@code files rewrap} and {@code files migrate}. Both work one file at a time, each
 * step ending in one conditional update, so they may run while the backend serves, be stopped at any moment and
 * be run again: what is done stays done, the rest is picked up.
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
            problems.add(clear + " files stored before encryption are still in clear; `files migrate` encrypts them"
                    + " as it moves them to S3.");
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

    private boolean copyToS3(FileObject file) throws IOException, GeneralSecurityException {
        Blobs.Sink sink = s3.create(file.id());
        MessageDigest sourceDigest = FileStore.sha256();
        DigestOutputStream copy = new DigestOutputStream(sink, FileStore.sha256());
        Envelope.DataKey key = file.keyId() == null ? envelope.create(file.id()) : null;
        long storedSize;
        try (InputStream source = Channels.newInputStream(
                store.blobs(FileStoreSettings.Kind.POSTGRES).open(file.id(), file.storedSize()))) {
            OutputStream target = key == null ? copy : key.aead().newEncryptingStream(copy, Envelope.aad(file.id()));
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = source.read(buffer)) > 0; ) {
                sourceDigest.update(buffer, 0, n);
                target.write(buffer, 0, n);
            }
            target.close();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            sink.abort();
            throw e;
        }
        byte[] sha256 = copy.getMessageDigest().digest();
        if (key == null && file.sha256() != null && !Arrays.equals(file.sha256(), sourceDigest.digest())) {
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
        MessageDigest digest = FileStore.sha256();
        long size = 0;
        try (InputStream in = s3.read(id)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; size += n) {
                digest.update(buffer, 0, n);
            }
        }
        if (!Arrays.equals(expected, digest.digest())) {
            s3.delete(id);
            throw new IllegalStateException(
                    "its copy in S3 does not match the SHA-256 of the bytes sent; it stays in" + " PostgreSQL.");
        }
        return size;
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

    private int count(String condition) {
        return jdbc.sql("select count(*) from file_object where state = 'stored' and " + condition)
                .query(Integer.class)
                .single();
    }
}
