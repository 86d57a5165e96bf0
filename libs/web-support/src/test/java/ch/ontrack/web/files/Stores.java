package ch.ontrack.web.files;

import ch.ontrack.web.testing.S3Server;
import ch.ontrack.web.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
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
                    ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/files/V12__file_objects.sql"));
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
}
