package ch.ontrack.web.files;

import static ch.ontrack.web.files.FileStoreContract.assertSameBytes;
import static ch.ontrack.web.files.FileStoreContract.random;
import static ch.ontrack.web.files.FileStoreContract.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code files encrypt}: files stored in clear before encryption are encrypted where they are, in PostgreSQL, stopped
 * half-way and finished, readable all along (a read that began before finishes on the clear chunks).
 */
class FileEncryptionTest {

    private final JdbcClient jdbc = Stores.jdbc();
    private final String keys = Stores.key("e1");
    private final FileStoreConfiguration.Parts parts = Stores.parts(FileStoreSettings.Kind.POSTGRES, keys);
    private final FileStore store = parts.store(jdbc, FileStoreSettings.Kind.POSTGRES);
    private final FileMaintenance maintenance = new FileMaintenance(jdbc, parts.envelope(), store, null);

    @Test
    void anInterruptedRunIsFinishedByTheNextAndEveryFileStaysReadable() throws IOException {
        Map<UUID, byte[]> clear = new LinkedHashMap<>();
        for (int size : new int[] {1, 1 << 20, 2_500_000}) {
            byte[] content = ("Jahresabschluss im Klartext " + size + ". ")
                    .repeat(size / 30 + 1)
                    .substring(0, size)
                    .getBytes(StandardCharsets.UTF_8);
            clear.put(Stores.legacy(content), content);
        }
        byte[] newer = random(1_500_000, 7);
        UUID encryptedAlready = Stores.write(store, newer);
        UUID first = clear.keySet().iterator().next();
        InputStream begunBefore = store.open(clear.keySet().toArray(UUID[]::new)[2]);
        begunBefore.readNBytes(100);

        AtomicInteger budget = new AtomicInteger(1);
        FileMaintenance.Outcome stopped = maintenance.encrypt(() -> budget.getAndDecrement() > 0);

        assertThat(stopped.done()).isEqualTo(1);
        assertThat(stopped.left()).isEqualTo(2);
        // files go in the order of their ids: any one of the three
        assertThat(clear.keySet().stream().filter(id -> row(id).keyId() != null))
                .singleElement()
                .satisfies(id -> assertThat(row(id).keyId()).isEqualTo("e1"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FilesCommand.run(maintenance, "encrypt", new PrintStream(out, true), new PrintStream(err, true));
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Encrypted 2 files; 0 left.");

        byte[] rest = begunBefore.readAllBytes();
        begunBefore.close();
        assertThat(rest.length + 100).isEqualTo(2_500_000);
        for (Map.Entry<UUID, byte[]> file : clear.entrySet()) {
            FileObject row = row(file.getKey());
            assertThat(row.keyId()).isEqualTo("e1");
            assertThat(row.chunkSet()).isEqualTo(1);
            assertSameBytes(readAll(store, file.getKey()), file.getValue());
            byte[] stored = chunks(file.getKey(), 1);
            assertThat(stored.length).isEqualTo(row.storedSize()).isGreaterThan(file.getValue().length);
            assertThat(FileStore.sha256().digest(stored)).isEqualTo(row.sha256());
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Klartext");
        }
        assertThat(row(encryptedAlready).chunkSet()).isZero();
        assertSameBytes(readAll(store, encryptedAlready), newer);

        // the clear chunks stay for reads that began before, then go; the files stay readable
        FileCleanup cleanup = new FileCleanup(jdbc, store, new FileReferences("test_file", "object_id"), null);
        cleanup.run(Instant.now().minusSeconds(3600), Instant.now().minusSeconds(600));
        assertThat(chunks(first, 0)).isNotEmpty();
        cleanup.run(Instant.now().minusSeconds(3600), Instant.now().plusSeconds(1));
        for (Map.Entry<UUID, byte[]> file : clear.entrySet()) {
            assertThat(chunks(file.getKey(), 0)).isEmpty();
            assertSameBytes(readAll(store, file.getKey()), file.getValue());
        }
        assertSameBytes(readAll(store, encryptedAlready), newer);
    }

    @Test
    void aFileWhoseChunksDoNotMatchItsRecordedSha256StaysInClearAndIsNamed() {
        byte[] content = "Lohnausweis im Klartext. ".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        UUID id = Stores.legacy(content);
        jdbc.sql("update file_object set sha256 = ? where id = ?")
                .params(FileStore.sha256().digest("something else".getBytes(StandardCharsets.UTF_8)), id)
                .update();

        FileMaintenance.Outcome outcome = maintenance.encrypt(() -> true);

        assertThat(outcome.problems())
                .anySatisfy(
                        problem -> assertThat(problem).startsWith("File " + id).contains("stays in clear"));
        assertThat(row(id).keyId()).isNull();
        assertThat(chunks(id, 1)).isEmpty();
        assertSameBytes(readAll(store, id), content);
        jdbc.sql("delete from file_object where id = ?").param(id).update(); // leave the other test its count
    }

    private FileObject row(UUID id) {
        return store.find(id).orElseThrow();
    }

    /** The raw bytes of one chunk set of a file, as a database dump holds them. */
    private byte[] chunks(UUID id, int chunkSet) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        jdbc.sql("select data from file_object_chunk where object_id = ? and chunk_set = ? order by seq")
                .params(id, chunkSet)
                .query(byte[].class)
                .list()
                .forEach(all::writeBytes);
        return all.toByteArray();
    }
}
