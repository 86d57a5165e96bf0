package ch.ontrack.provider;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/** A real PostgreSQL of its own that a test stops and starts again, on the same port and data directory. */
final class RestartableDatabase {

  private final Path dataDirectory;
  private final int port = TestPorts.free();
  private EmbeddedPostgres postgres;

  RestartableDatabase() {
    try {
      dataDirectory = Files.createTempDirectory("restartable-postgres");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop();
      try {
        FileSystemUtils.deleteRecursively(dataDirectory);
      } catch (IOException e) {
        // a temporary directory: the system cleans it eventually
      }
    }));
  }

  String url() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  synchronized void start() {
    try {
      postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
          .setRegisterShutdownHook(false).setPort(port).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server the way a restart does: connections are terminated, the data stays. */
  synchronized void stop() {
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    postgres = null;
  }
}
