package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.web.files.FilesCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar provider-backend.jar files ...} as operators run it: the backend's own configuration, no web
 * server, next to the serving backend, exit 0, 1 or 2 with a sentence.
 */
class FilesCommandTest extends ApiTest {

    static final String SERVING_KEY = System.getProperty("FILE_ENCRYPTION_KEYS");
    static final String NEXT_KEY = "next:"
            + java.util.Base64.getEncoder().encodeToString(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                29, 30, 31, 32
            });

    record Run(int status, String out, String err) {}

    Run files(String command, String keys) {
        List<String> args = new ArrayList<>(List.of(
                "files",
                command,
                "--DB_HOST=localhost",
                "--DB_PORT=" + TestDatabase.port(),
                "--DB_NAME=postgres",
                "--DB_USERNAME=postgres",
                "--DB_PASSWORD=postgres",
                "--MANAGEMENT_PORT=0",
                "--CLIENT_INTERNAL_URL=http://127.0.0.1:" + TestPorts.CLOSED));
        if (keys != null) {
            args.add("--FILE_ENCRYPTION_KEYS=" + keys);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FilesCommand.run(
                ProviderBackendApplication.class,
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rewrapMovesEveryFileToTheFirstKeyAndBackWhileTheServiceReadsThem() {
        ApiSession browser = signedIn();
        UUID document = browser.post("/api/documents", TestData.document("Bilanz"))
                .expect(201)
                .id();
        byte[] pdf = new byte[1_300_000];
        System.arraycopy(DocumentApiTest.PDF, 0, pdf, 0, DocumentApiTest.PDF.length);
        UUID file = browser.upload("/api/documents/" + document + "/files", "bilanz.pdf", "application/pdf", pdf)
                .expect(201)
                .id();

        Run forth = files("rewrap", NEXT_KEY + "," + SERVING_KEY);
        assertThat(forth.status()).as(forth.err()).isZero();
        assertThat(forth.out()).contains("0 left.");
        assertThat(keyOf(file)).isEqualTo("next");

        Run back = files("rewrap", SERVING_KEY + "," + NEXT_KEY);
        assertThat(back.status()).as(back.err()).isZero();
        assertThat(keyOf(file)).isEqualTo("test");
        assertThat(browser.get("/api/documents/" + document + "/files/" + file)
                        .expect(200)
                        .body())
                .isEqualTo(pdf);
    }

    @Test
    void encryptEncryptsAFileStoredBeforeEncryptionWhereItIs() {
        UUID legacy = UUID.randomUUID();
        byte[] clear = "Jahresrechnung 2024 im Klartext".getBytes(StandardCharsets.UTF_8);
        jdbc.sql("insert into file_object (id, store, state, size, stored_size) values (?, 'postgres', 'stored', ?, ?)")
                .params(legacy, clear.length, clear.length)
                .update();
        jdbc.sql("insert into file_object_chunk (object_id, seq, data) values (?, 0, ?)")
                .params(legacy, clear)
                .update();

        try {
            Run run = files("encrypt", SERVING_KEY);

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("Encrypted 1 files; 0 left.");
            assertThat(keyOf(legacy)).isEqualTo(SERVING_KEY.substring(0, SERVING_KEY.indexOf(':')));
        } finally { // no file in clear for the other tests
            jdbc.sql("delete from file_object where id = ?").param(legacy).update();
        }
    }

    @Test
    void migrateWithoutABucketFailsWithASentence() {
        Run run = files("migrate", SERVING_KEY);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip())
                .isEqualTo("files: No S3 bucket is configured: set S3_BUCKET and S3_REGION first.");
    }

    @Test
    void aMissingKeyStopsTheCommandWithASentenceNamingIt() {
        Run run = files("rewrap", " ");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("FILE_ENCRYPTION_KEYS is not set");
    }

    @Test
    void aWrongArgumentIsExitTwo() {
        assertThat(FilesCommand.run(
                        ProviderBackendApplication.class,
                        new String[] {"files", "shred"},
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
        assertThat(FilesCommand.run(
                        ProviderBackendApplication.class,
                        new String[] {"files"},
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }

    private String keyOf(UUID file) {
        return jdbc.sql("select key_id from file_object where id = ?")
                .param(file)
                .query(String.class)
                .single();
    }
}
