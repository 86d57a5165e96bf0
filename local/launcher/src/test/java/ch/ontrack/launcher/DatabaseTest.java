package ch.ontrack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  @TempDir Path data;

  @Test
  void dataSurvivesARestartAndNoServerIsLeftRunning() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Database db = new Database("provider-db", "provider", port, "s3cret-pw", data.resolve("pg"), data.resolve("pg.log"));
    db.start();
    assertThat(db.pids()).hasSize(1);
    try (Connection c = connect(port); Statement s = c.createStatement()) {
      s.execute("create table note (text varchar(20))");
      s.execute("insert into note values ('kept')");
    }
    long pid = db.pids().get(0);
    db.stop();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(Preflight.isFree(port)).isTrue();

    db.start();
    try (Connection c = connect(port); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select text, version() from note")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("kept");
      assertThat(r.getString(2)).startsWith("PostgreSQL 17");
    } finally {
      db.stop();
    }
  }

  private static Connection connect(int port) throws Exception {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/provider", "provider", "s3cret-pw");
  }
}
