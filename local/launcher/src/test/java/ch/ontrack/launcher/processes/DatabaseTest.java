package ch.ontrack.launcher.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.ontrack.launcher.topology.Preflight;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path data;

    @Test
    void dataSurvivesARestartAndNoServerIsLeftRunning() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Database db = new Database(
                "provider-db",
                "provider",
                port,
                "s3cret-pw",
                "admin-pw",
                false,
                data.resolve("pg"),
                data.resolve("pg.log"));
        db.start();
        assertThat(db.pids()).hasSize(1);
        try (Connection c = connect(port);
                Statement s = c.createStatement()) {
            s.execute("create table note (text varchar(20))");
            s.execute("insert into note values ('kept')");
        }
        long pid = db.pids().get(0);
        db.stop();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        assertThat(Preflight.isFree(port)).isTrue();

        db.start();
        try (Connection c = connect(port);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select text, version() from note")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("kept");
            assertThat(r.getString(2)).startsWith("PostgreSQL 17");
        } finally {
            db.stop();
        }
    }

    @Test
    void everyConnectionNeedsItsPasswordAndWritesAreDurable() throws Exception {
        int port = freePort();
        Database db = new Database(
                "client-db", "client", port, "app-pw", "admin-pw", true, data.resolve("pg"), data.resolve("pg.log"));
        db.start();
        try {
            for (String[] login :
                    new String[][] {{"client", "wrong"}, {"client", ""}, {"postgres", ""}, {"nobody", "x"}}) {
                assertThatThrownBy(() -> DriverManager.getConnection(url(port, "client"), login[0], login[1])
                                .close())
                        .as(login[0] + "/" + login[1])
                        .isInstanceOf(SQLException.class);
            }
            try (Connection c = DriverManager.getConnection(url(port, "client"), "client", "app-pw");
                    Statement s = c.createStatement();
                    ResultSet r =
                            s.executeQuery("select current_setting('fsync'), current_setting('synchronous_commit')")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1) + " " + r.getString(2)).isEqualTo("on on");
            }
            try (Connection c = DriverManager.getConnection(url(port, "postgres"), "postgres", "admin-pw");
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(
                            "select (select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'),"
                                    + " (select count(*) from pg_authid where rolname in ('postgres', 'client')"
                                    + " and rolpassword like 'SCRAM-SHA-256$%')")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).as("rules without scram-sha-256").isZero();
                assertThat(r.getInt(2)).as("roles with a SCRAM password").isEqualTo(2);
            }
        } finally {
            db.stop();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static Connection connect(int port) throws Exception {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/provider", "provider", "s3cret-pw");
    }
}
