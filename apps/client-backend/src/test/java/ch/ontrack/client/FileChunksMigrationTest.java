package ch.ontrack.client;

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

/** Files stored before the shared file store move into it by V13, byte for byte, each named by files.object_id. */
class FileChunksMigrationTest {

    static final String[] LOCATIONS = {"classpath:db/migration", "classpath:db/rate-limits", "classpath:db/files"};

    @Test
    void existingChunksMoveIntoTheFileStoreNamedByTheFilesRow() throws Exception {
        String database = "files_" + UUID.randomUUID().toString().replace("-", "");
        String base = "jdbc:postgresql://127.0.0.1:" + TestDatabase.proxy().port() + "/";
        try (Connection admin = DriverManager.getConnection(base + "postgres", "postgres", "postgres");
                Statement st = admin.createStatement()) {
            st.execute("create database " + database);
        }
        String url = base + database;
        Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .locations(LOCATIONS)
                .target("10")
                .load()
                .migrate();
        byte[] content = new byte[1024 * 1024 + 1234];
        new Random(5).nextBytes(content);
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement st = c.createStatement()) {
            st.execute("insert into files (id, share_id, file_id, name, content_type, size) values "
                    + "(7, 'share-1', 'file-1', 'a.pdf', 'application/pdf', " + content.length + ")");
            try (PreparedStatement chunk =
                    c.prepareStatement("insert into file_chunks (file_ref, seq, data) values (7, ?, ?)")) {
                for (int seq = 0; seq < 2; seq++) {
                    chunk.setInt(1, seq);
                    chunk.setBytes(
                            2,
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
            ResultSet ref = st.executeQuery("select object_id from files where id = 7");
            ref.next();
            UUID file = ref.getObject(1, UUID.class);
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
            ResultSet gone = st.executeQuery("select to_regclass('file_chunks') is null");
            gone.next();
            assertThat(gone.getBoolean(1)).isTrue();
        }
    }
}
