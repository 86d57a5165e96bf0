package ch.ontrack.web.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What both stores must do alike; {@link PostgresFileStoreTest} and {@link S3FileStoreTest} run it. */
abstract class FileStoreContract {

    static final String KEYS = Stores.key("k1");

    FileStoreConfiguration.Parts parts;
    FileStore store;
    JdbcClient jdbc;

    abstract FileStoreSettings.Kind kind();

    /** The stored bytes of a file, as they lie in its store. */
    abstract byte[] raw(UUID id) throws IOException;

    abstract boolean blobExists(UUID id);

    @BeforeEach
    void store() {
        jdbc = Stores.jdbc();
        parts = Stores.parts(kind(), KEYS);
        store = parts.store(jdbc, kind());
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    UUID write(byte[] content) {
        UUID id = UUID.randomUUID();
        Stores.tx().executeWithoutResult(s -> {
            jdbc.sql("insert into test_file (object_id) values (?)").param(id).update();
            assertThat(store.write(id, new ByteArrayInputStream(content))).isEqualTo(content.length);
        });
        return id;
    }

    /** Compares by length and SHA-256, so a failure does not print megabytes. */
    static void assertSameBytes(byte[] actual, byte[] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        assertThat(java.util.HexFormat.of().formatHex(FileStore.sha256().digest(actual)))
                .isEqualTo(java.util.HexFormat.of().formatHex(FileStore.sha256().digest(expected)));
    }

    byte[] read(UUID id, long start) {
        try (InputStream in = store.open(id, start)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void filesOfEverySizeReadBackWhole() {
        for (int size : new int[] {0, 1, 1024 * 1024 - 40, 1024 * 1024, 3_500_000}) {
            byte[] content = random(size, size);
            UUID id = write(content);
            assertSameBytes(read(id, 0), content);
            assertThat(store.find(id).orElseThrow().size()).isEqualTo(size);
        }
    }

    @Test
    void anyPartReadsBackFromItsFirstByte() {
        byte[] content = random(3_200_000, 11);
        UUID id = write(content);
        for (long start : new long[] {1, 1024 * 1024 - 41, 1024 * 1024 - 40, 1024 * 1024, 2_500_000, 3_199_999}) {
            assertSameBytes(read(id, start), Arrays.copyOfRange(content, (int) start, content.length));
        }
    }

    @Test
    void storedBytesAndRowsHoldNoPlaintext() throws IOException {
        byte[] content = "Jahresabschluss 2025 der Muster AG, vertraulich. "
                .repeat(50_000)
                .getBytes(StandardCharsets.UTF_8);
        UUID id = write(content);

        byte[] row = jdbc.sql("select convert_to(o::text, 'UTF8') from file_object o where id = ?")
                .param(id)
                .query(byte[].class)
                .single();
        for (byte[] stored : new byte[][] {raw(id), row}) {
            assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                    .doesNotContain("vertraulich")
                    .doesNotContain("Jahresabschluss");
        }
        assertThat(raw(id).length).isGreaterThan(content.length);
        assertSameBytes(read(id, 0), content);
    }

    @Test
    void aFailedUploadLeavesNothingBehind() {
        UUID id = UUID.randomUUID();
        InputStream breaksHalfway = new InputStream() {
            int sent;

            @Override
            public int read() {
                if (++sent > 6_000_000) {
                    throw new UncheckedIOException(new IOException("connection reset by the sender"));
                }
                return sent & 0xff;
            }
        };

        assertThatThrownBy(() -> Stores.tx().executeWithoutResult(s -> {
                    jdbc.sql("insert into test_file (object_id) values (?)")
                            .param(id)
                            .update();
                    store.write(id, breaksHalfway);
                }))
                .hasMessageContaining("connection reset");

        assertThat(jdbc.sql("select count(*) from file_object where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from file_object_chunk where object_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(blobExists(id)).isFalse();
    }

    @Test
    void deletedFilesLeaveNoBytes() {
        UUID id = write(random(2_000_000, 3));
        store.delete(id);
        assertThat(store.find(id)).isEmpty();
        assertThat(blobExists(id)).isFalse();
    }

    @Test
    void cleanUpRemovesFilesNoRowRefersTo() {
        UUID kept = write(random(10, 1));
        UUID dropped = write(random(10, 2));
        jdbc.sql("delete from test_file where object_id = ?").param(dropped).update();

        cleanup().run(Instant.now().minusSeconds(3600), Instant.now());

        assertThat(store.find(kept)).isPresent();
        assertThat(store.find(dropped)).isEmpty();
        assertThat(blobExists(dropped)).isFalse();
    }

    @Test
    void cleanUpRemovesRowsOfUploadsThatNeverFinished() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into file_object (id, store, created_at) values (?, ?, now() - interval '2 days')")
                .params(id, FileStore.name(kind()))
                .update();

        cleanup().run(Instant.now().minusSeconds(3600), Instant.now());

        assertThat(jdbc.sql("select count(*) from file_object where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aKeyStaysReadableAfterRotationAndRewrapMovesItsFiles() {
        // a rewrap covers the whole database: files of other test classes' keys would be reported as left
        jdbc.sql("delete from file_object where key_id is distinct from 'k1' and key_id is distinct from 'k2'")
                .update();
        UUID old = write(random(1_500_000, 5));
        String rotated = Stores.key("k2") + "," + KEYS;
        FileStoreConfiguration.Parts next = Stores.parts(kind(), rotated);
        FileStore nextStore = next.store(jdbc, kind());
        UUID fresh = UUID.randomUUID();
        Stores.tx().executeWithoutResult(s -> {
            jdbc.sql("insert into test_file (object_id) values (?)")
                    .param(fresh)
                    .update();
            nextStore.write(fresh, new ByteArrayInputStream(random(1_500_000, 6)));
        });

        assertThat(nextStore.find(old).orElseThrow().keyId()).isEqualTo("k1");
        assertThat(nextStore.find(fresh).orElseThrow().keyId()).isEqualTo("k2");
        assertSameBytes(readAll(nextStore, old), random(1_500_000, 5));

        FileMaintenance.Outcome outcome = new FileMaintenance(jdbc, next.envelope(), nextStore, next.s3()).rewrap();
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.left()).isZero();
        assertThat(nextStore.find(old).orElseThrow().keyId()).isEqualTo("k2");

        // k1 may now go: a store without it reads both files
        FileStore onlyNew =
                Stores.parts(kind(), rotated.substring(0, rotated.indexOf(','))).store(jdbc, kind());
        assertSameBytes(readAll(onlyNew, old), random(1_500_000, 5));
        assertSameBytes(readAll(onlyNew, fresh), random(1_500_000, 6));
    }

    @Test
    void aFileWhoseKeyWasRemovedIsUnavailableNotAnError() {
        UUID id = write(random(10_000, 7));
        FileStore withoutK1 = Stores.parts(kind(), Stores.key("k3")).store(jdbc, kind());

        assertThatThrownBy(() -> withoutK1.open(id))
                .isInstanceOf(FileStoreUnavailable.class)
                .hasMessageContaining("key k1");
        assertSameBytes(readAll(store, id), random(10_000, 7)); // the key back, the file reads again
    }

    @Test
    void aFileWhoseKeyHasAnotherValueUnderItsIdIsUnavailableNotAnError() {
        UUID id = write(random(10_000, 8));
        FileStore otherK1 = Stores.parts(kind(), Stores.key("k1")).store(jdbc, kind());

        assertThatThrownBy(() -> otherK1.open(id))
                .isInstanceOf(FileStoreUnavailable.class)
                .hasMessageContaining("does not open with key k1");
        assertSameBytes(readAll(store, id), random(10_000, 8));
    }

    FileCleanup cleanup() {
        return new FileCleanup(jdbc, store, new FileReferences("test_file", "object_id"), parts.s3());
    }

    static byte[] readAll(FileStore store, UUID id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = store.open(id)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
