package ch.ontrack.web.files;

import static ch.ontrack.web.files.FileStoreContract.assertSameBytes;
import static ch.ontrack.web.files.FileStoreContract.random;
import static ch.ontrack.web.files.FileStoreContract.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code files migrate}: PostgreSQL to S3, stopped half-way and finished, checked, and readable all along. */
class FileMigrationTest {

    private final JdbcClient jdbc = Stores.jdbc();
    private final String keys = Stores.key("m1");

    @Test
    void anInterruptedMigrationIsFinishedByTheNextRunAndEveryFileStaysReadable() {
        // files written while the store was PostgreSQL, and one from before encryption (as the V13 migrations leave it)
        FileStoreConfiguration.Parts parts = Stores.parts(FileStoreSettings.Kind.POSTGRES, keys);
        FileStore postgres = parts.store(jdbc, FileStoreSettings.Kind.POSTGRES);
        Map<UUID, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            files.put(Stores.write(postgres, random(700_000 * i + 5, i)), random(700_000 * i + 5, i));
        }
        byte[] clear =
                "Steuererklaerung, im Klartext gespeichert. ".repeat(40_000).getBytes(StandardCharsets.UTF_8);
        files.put(Stores.legacy(clear), clear);

        // the backend now writes to S3 and reads from both; the migration runs next to it
        FileStore serving = Stores.parts(FileStoreSettings.Kind.S3, keys).store(jdbc, FileStoreSettings.Kind.S3);
        FileMaintenance maintenance = new FileMaintenance(
                jdbc,
                parts.envelope(),
                serving,
                Stores.parts(FileStoreSettings.Kind.S3, keys).s3());
        AtomicInteger budget = new AtomicInteger(2);
        FileMaintenance.Outcome first = maintenance.migrate(() -> budget.getAndDecrement() > 0);

        assertThat(first.done()).isEqualTo(2);
        assertThat(first.left()).isGreaterThanOrEqualTo(3);
        files.forEach((id, content) -> assertSameBytes(readAll(serving, id), content));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FilesCommand.run(maintenance, "migrate", new PrintStream(out, true), new PrintStream(err, true));

        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("0 left");
        for (Map.Entry<UUID, byte[]> file : files.entrySet()) {
            FileObject row = serving.find(file.getKey()).orElseThrow();
            assertThat(row.store()).isEqualTo(FileStoreSettings.Kind.S3);
            assertThat(row.keyId()).isEqualTo("m1"); // the file from before encryption too
            assertSameBytes(readAll(serving, file.getKey()), file.getValue());
            byte[] object = raw(serving, file.getKey());
            assertThat(FileStore.sha256().digest(object)).isEqualTo(row.sha256());
            assertThat(new String(object, StandardCharsets.ISO_8859_1)).doesNotContain("Klartext");
        }

        // reads that began before the move are over: the chunks go
        new FileCleanup(jdbc, serving, new FileReferences("test_file", "object_id"), null)
                .run(Instant.now().minusSeconds(3600), Instant.now().plusSeconds(1));
        List<UUID> ids = new ArrayList<>(files.keySet());
        for (UUID id : ids) {
            assertThat(jdbc.sql("select count(*) from file_object_chunk where object_id = ?")
                            .param(id)
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    private byte[] raw(FileStore store, UUID id) {
        try (var in = ((S3Blobs) store.blobs(FileStoreSettings.Kind.S3)).read(id)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
