package ch.ontrack.web.files;

import ch.ontrack.web.testing.S3Server;
import ch.ontrack.web.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One real PostgreSQL (with the db/files migration and a table that refers to files) and, when asked for, one real
 * S3 server per test JVM, and stores built on them as the backends build theirs.
 */
final class Stores {

    static final String BUCKET = "files";

    private static EmbeddedPostgres postgres;
    private static DataSource database;
    private static S3Server s3;

    private Stores() {}

    static synchronized DataSource database() {
        if (database == null) {
            try {
                postgres = TestPostgres.start();
                database = postgres.getPostgresDatabase();
                try (var connection = database.getConnection()) {
                    // the backends run these with Flyway, in this order
                    for (String script : new String[] {"V12__file_objects.sql", "V14__chunk_sets.sql"}) {
                        ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/files/" + script));
                    }
                    connection.createStatement().execute("create table test_file (object_id uuid primary key)");
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return database;
    }

    static String jdbcUrl() {
        database();
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    static synchronized S3Server s3() {
        if (s3 == null) {
            s3 = new S3Server();
            Runtime.getRuntime().addShutdownHook(new Thread(s3::stop));
            try (S3Client client = FileStoreConfiguration.s3Client(s3Settings(s3.endpoint()))) {
                client.createBucket(b -> b.bucket(BUCKET));
            }
        }
        return s3;
    }

    static JdbcClient jdbc() {
        return JdbcClient.create(database());
    }

    static TransactionTemplate tx() {
        return new TransactionTemplate(new DataSourceTransactionManager(database()));
    }

    static FileStoreSettings.S3 s3Settings(String endpoint) {
        return new FileStoreSettings.S3(
                URI.create(endpoint), S3Server.REGION, BUCKET, true, S3Server.ACCESS_KEY, S3Server.SECRET_KEY, null);
    }

    static FileStoreSettings settings(FileStoreSettings.Kind kind, String keys) {
        return new FileStoreSettings(
                kind, keys, kind == FileStoreSettings.Kind.S3 ? s3Settings(s3().endpoint()) : null);
    }

    /** A store whose new files go to {@code kind}; reads from S3 as well when the S3 server runs. */
    static FileStoreConfiguration.Parts parts(FileStoreSettings.Kind kind, String keys) {
        FileStoreSettings settings = kind == FileStoreSettings.Kind.S3 || s3 != null
                ? new FileStoreSettings(kind, keys, s3Settings(s3().endpoint()))
                : settings(kind, keys);
        return FileStoreConfiguration.Parts.of(settings, jdbc());
    }

    static String key(String id) {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return id + ":" + Base64.getEncoder().encodeToString(raw);
    }

    /** A file as the V13 migrations carry it over: chunks of 1 MiB in clear, no key. */
    static UUID legacy(byte[] content) {
        JdbcClient jdbc = jdbc();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into test_file (object_id) values (?)").param(id).update();
        jdbc.sql("insert into file_object (id, store, state, size, stored_size) values (?, 'postgres', 'stored', ?, ?)")
                .params(id, content.length, content.length)
                .update();
        for (int seq = 0; seq * PostgresBlobs.CHUNK_SIZE < content.length; seq++) {
            int from = seq * PostgresBlobs.CHUNK_SIZE;
            jdbc.sql("insert into file_object_chunk (object_id, seq, data) values (?, ?, ?)")
                    .params(
                            id,
                            seq,
                            java.util.Arrays.copyOfRange(
                                    content, from, Math.min(content.length, from + PostgresBlobs.CHUNK_SIZE)))
                    .update();
        }
        return id;
    }

    /** A file written through {@code store}, referred to by a row of {@code test_file}. */
    static UUID write(FileStore store, byte[] content) {
        UUID id = UUID.randomUUID();
        tx().executeWithoutResult(s -> {
            jdbc().sql("insert into test_file (object_id) values (?)").param(id).update();
            store.write(id, new java.io.ByteArrayInputStream(content));
        });
        return id;
    }
}
