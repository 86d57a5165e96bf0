package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Accounts that exist when the account flows arrive count as verified; new ones start unverified. */
class VerifiedAtMigrationTest {

    @Test
    void existingAccountsAreVerifiedAndNewOnesAreNot() throws Exception {
        String database = "migration_" + UUID.randomUUID().toString().replace("-", "");
        String base = "jdbc:postgresql://localhost:" + TestDatabase.port() + "/";
        try (Connection admin = DriverManager.getConnection(base + "postgres", "postgres", "postgres");
                Statement st = admin.createStatement()) {
            st.execute("create database " + database);
        }
        String url = base + database;
        Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .locations(FileChunksMigrationTest.LOCATIONS)
                .target("3")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement st = c.createStatement()) {
            st.execute("insert into provider (id, email, password_hash, organisation) values "
                    + "(gen_random_uuid(), 'before@example.ch', 'x', 'Before AG')");
        }
        Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .locations(FileChunksMigrationTest.LOCATIONS)
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement st = c.createStatement()) {
            st.execute("insert into provider (id, email, password_hash, organisation) values "
                    + "(gen_random_uuid(), 'after@example.ch', 'x', 'After AG')");
            ResultSet rs = st.executeQuery(
                    "select email, email_verified_at is not null as verified from provider order by email");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("after@example.ch");
            assertThat(rs.getBoolean(2)).isFalse();
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("before@example.ch");
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }
}
