package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Files stored before the shared file store move into it by V13, byte for byte, under their own ids. */
class FileChunksMigrationTest {

    static final String[] LOCATIONS = {"classpath:db/migration", "classpath:db/rate-limits", "classpath:db/files"};

    @Test
    void existingChunksMoveIntoTheFileStoreUnderTheFilesId() throws Exception {
        String database = "files_" + UUID.randomUUID().toString().replace("-", "");
        String base = "jdbc:postgresql://localhost:" + TestDatabase.port() + "/";
        try (Connection admin = DriverManager.getConnection(base + "postgres", "postgres", "postgres");
                Statement st = admin.createStatement()) {
            st.execute("create database " + database);
        }
        String url = base + database;
        Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .locations(LOCATIONS)
                .target("11")
                .load()
                .migrate();
        UUID file = UUID.randomUUID();
        byte[] content = new byte[1024 * 1024 + 1234];
        new Random(5).nextBytes(content);
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement st = c.createStatement()) {
            st.execute("insert into provider (id, email, password_hash, organisation) values "
                    + "('00000000-0000-0000-0000-000000000001', 'p@example.ch', 'x', 'P AG')");
            st.execute("insert into document (id, provider_id, title, message) values "
                    + "('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 'T', '')");
            st.execute("insert into document_file (id, document_id, name, content_type, size) values ('" + file
                    + "', '00000000-0000-0000-0000-000000000002', 'a.pdf', 'application/pdf', " + content.length + ")");
            try (PreparedStatement chunk =
                    c.prepareStatement("insert into file_chunk (file_id, seq, data) values (?, ?, ?)")) {
                for (int seq = 0; seq < 2; seq++) {
                    chunk.setObject(1, file);
                    chunk.setInt(2, seq);
                    chunk.setBytes(
                            3,
                            Arrays.copyOfRange(
                                    content, seq * 1024 * 1024, Math.min(content.length, (seq + 1) * 1024 * 1024)));
                    chunk.executeUpdate();
                }
            }
        }

        Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .locations(LOCATIONS)
                .load()
                .migrate();

        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement st = c.createStatement()) {
            ResultSet row = st.executeQuery(
                    "select store, state, size, stored_size, key_id from file_object where id = '" + file + "'");
            assertThat(row.next()).isTrue();
            assertThat(row.getString("store")).isEqualTo("postgres");
            assertThat(row.getString("state")).isEqualTo("stored");
            assertThat(row.getLong("size")).isEqualTo(content.length);
            assertThat(row.getLong("stored_size")).isEqualTo(content.length);
            assertThat(row.getString("key_id")).isNull(); // read as it is until `files migrate` encrypts it
            ByteArrayOutputStream moved = new ByteArrayOutputStream();
            ResultSet chunks =
                    st.executeQuery("select data from file_object_chunk where object_id = '" + file + "' order by seq");
            while (chunks.next()) {
                moved.writeBytes(chunks.getBytes(1));
            }
            assertThat(Arrays.equals(moved.toByteArray(), content)).isTrue();
            ResultSet gone = st.executeQuery("select to_regclass('file_chunk') is null");
            gone.next();
            assertThat(gone.getBoolean(1)).isTrue();
        }
    }
}
