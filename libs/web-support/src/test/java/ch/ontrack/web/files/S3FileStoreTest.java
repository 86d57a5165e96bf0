package ch.ontrack.web.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

class S3FileStoreTest extends FileStoreContract {

    @Override
    FileStoreSettings.Kind kind() {
        return FileStoreSettings.Kind.S3;
    }

    @Override
    byte[] raw(UUID id) {
        return parts.client()
                .getObjectAsBytes(b -> b.bucket(Stores.BUCKET).key(S3Blobs.key(id)))
                .asByteArray();
    }

    @Override
    boolean blobExists(UUID id) {
        try {
            parts.client().headObject(b -> b.bucket(Stores.BUCKET).key(S3Blobs.key(id)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Test
    void cleanUpRemovesObjectsWithoutARow() {
        UUID stray = UUID.randomUUID();
        parts.client().putObject(b -> b.bucket(Stores.BUCKET).key(S3Blobs.key(stray)), RequestBody.fromString("x"));
        UUID kept = write(random(10, 9));

        cleanup().run(Instant.now().plusSeconds(60), Instant.now());

        assertThat(blobExists(stray)).isFalse();
        assertThat(blobExists(kept)).isTrue();
    }

    @Test
    void whileTheServerIsDownWritesAndReadsFailAsUnavailableAndNothingIsReferenced() {
        UUID stored = write(random(100_000, 4));
        UUID id = UUID.randomUUID();
        Stores.s3().stop();
        try {
            assertThatThrownBy(() -> Stores.tx().executeWithoutResult(s -> {
                        jdbc.sql("insert into test_file (object_id) values (?)")
                                .param(id)
                                .update();
                        store.write(id, new ByteArrayInputStream(random(9_000_000, 4)));
                    }))
                    .isInstanceOf(FileStoreUnavailable.class);
            assertThatThrownBy(() -> store.open(stored, 0)).isInstanceOf(FileStoreUnavailable.class);
        } finally {
            Stores.s3().start();
        }
        assertThat(jdbc.sql("select count(*) from test_file where object_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(store.find(id)).isEmpty();
        assertSameBytes(readAll(store, stored), random(100_000, 4));
    }
}
