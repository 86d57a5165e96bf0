package ch.ontrack.web.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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

    /**
     * A file read to its end hands its connection back for the next GET (a new connection per download would cost
     * both sides CPU on the read path); a read given up part-way leaves the next one unharmed.
     */
    @Test
    void wholeReadsShareOneConnectionAndAReadGivenUpPartWayHarmsNoOther() throws Exception {
        List<UUID> files = List.of(write(random(300_000, 21)), write(random(300_000, 22)), write(random(300_000, 23)));
        UUID large = write(random(3_200_000, 24));
        URI server = URI.create(Stores.s3().endpoint());
        try (CountingRelay relay = new CountingRelay(server);
                FileStoreConfiguration.Parts relayed = FileStoreConfiguration.Parts.of(
                        new FileStoreSettings(kind(), KEYS, Stores.s3Settings(relay.endpoint())), jdbc)) {
            FileStore through = relayed.store(jdbc, kind());
            for (int i = 0; i < files.size(); i++) {
                assertSameBytes(readAll(through, files.get(i)), random(300_000, 21 + i));
            }
            assertThat(relay.accepted()).as("connections for three whole reads").isEqualTo(1);

            try (InputStream in = through.open(large, 0)) {
                assertThat(in.readNBytes(1000)).hasSize(1000);
            }
            assertSameBytes(readAll(through, files.get(0)), random(300_000, 21));
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
