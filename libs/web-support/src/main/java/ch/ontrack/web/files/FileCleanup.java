package ch.ontrack.web.files;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Removes what no file row needs: stored files the backend no longer refers to (deleted documents and shares),
 * rows of uploads that never finished, S3 objects without a row (an upload whose transaction rolled back) and
 * the PostgreSQL chunks a file no longer reads: those of files the migration has copied to S3 and the clear chunk set
 * of files {@code files encrypt} has encrypted. Grace periods leave running uploads and reads alone.
 */
public class FileCleanup {

    /** An S3 object younger than this may still be waiting for its row to commit. */
    static final Duration UPLOAD_GRACE = Duration.ofHours(24);
    /** Chunks copied to S3 or encrypted into a new chunk set stay this long for reads that began before. */
    static final Duration MOVE_GRACE = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(FileCleanup.class);

    private final JdbcClient jdbc;
    private final FileStore store;
    private final FileReferences references;
    private final S3Blobs s3;

    FileCleanup(JdbcClient jdbc, FileStore store, FileReferences references, S3Blobs s3) {
        this.jdbc = jdbc;
        this.store = store;
        this.references = references;
        this.s3 = s3;
    }

    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT2M")
    void scheduled() {
        try {
            run(Instant.now().minus(UPLOAD_GRACE), Instant.now().minus(MOVE_GRACE));
        } catch (RuntimeException e) {
            log.warn("File clean-up failed, next try in 15 minutes: {}", e.getMessage());
        }
    }

    /** One pass; returns how many files and objects went. */
    public int run(Instant uploadsBefore, Instant movesBefore) {
        int removed = 0;
        List<UUID> unreferenced = jdbc.sql("select o.id from file_object o where ((o.state = 'stored' and not exists"
                        + " (select 1 from " + references.table() + " r where r." + references.column() + " = o.id))"
                        + " or (o.state = 'writing' and o.created_at < ?)) limit 1000")
                .param(java.sql.Timestamp.from(uploadsBefore))
                .query(UUID.class)
                .list();
        for (UUID id : unreferenced) {
            store.delete(id);
            removed++;
        }
        removed += jdbc.sql("delete from file_object_chunk c using file_object o where c.object_id = o.id"
                        + " and (o.store <> 'postgres' or c.chunk_set <> o.chunk_set) and o.moved_at < ?")
                .param(java.sql.Timestamp.from(movesBefore))
                .update();
        if (s3 != null) {
            int[] objects = {0};
            s3.forEachOlderThan(uploadsBefore, id -> {
                boolean known = jdbc.sql("select count(*) from file_object where id = ? and store = 's3'")
                                .param(id)
                                .query(Long.class)
                                .single()
                        > 0;
                if (!known) {
                    s3.delete(id);
                    objects[0]++;
                }
            });
            removed += objects[0];
        }
        if (removed > 0) {
            log.info("File clean-up removed {} orphaned files, chunks or objects", removed);
        }
        return removed;
    }
}
