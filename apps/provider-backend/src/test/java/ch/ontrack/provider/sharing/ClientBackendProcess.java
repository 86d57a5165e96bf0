package ch.ontrack.provider.sharing;

import ch.ontrack.web.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The real client backend as its own JVM ({@code java -jar}, the jar Maven built for the test scope), on its own
 * embedded PostgreSQL and free ports, configured by its environment variables as in production.
 */
final class ClientBackendProcess implements AutoCloseable {

    static final String SECRET = "contract-test-internal-secret";

    private final EmbeddedPostgres database;
    private final Process process;
    private final Path log;
    final int internalPort;

    ClientBackendProcess() throws IOException {
        database = TestPostgres.start();
        internalPort = freePort();
        log = Files.createTempFile("client-backend", ".log");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-jar", jar().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment()
                .putAll(Map.ofEntries(
                        Map.entry("DB_HOST", "127.0.0.1"),
                        Map.entry("DB_PORT", Integer.toString(database.getPort())),
                        Map.entry("DB_NAME", "postgres"),
                        Map.entry("DB_USERNAME", "postgres"),
                        Map.entry("DB_PASSWORD", "postgres"),
                        Map.entry("SERVER_PORT", Integer.toString(freePort())),
                        Map.entry("MANAGEMENT_PORT", Integer.toString(freePort())),
                        Map.entry("INTERNAL_PORT", Integer.toString(internalPort)),
                        Map.entry("INTERNAL_API_SECRET", SECRET),
                        Map.entry("CLIENT_PUBLIC_URL", "https://client.localhost:8443"),
                        Map.entry(
                                "FILE_ENCRYPTION_KEYS",
                                "contract:" + Base64.getEncoder().encodeToString(key))));
        process = builder.start();
    }

    URI internalUrl() {
        return URI.create("http://127.0.0.1:" + internalPort);
    }

    /** Waits until the internal API answers its own description, or fails with the backend's log. */
    void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(internalUrl().resolve("/internal/openapi.json"))
                .header("Authorization", "Bearer " + SECRET)
                .timeout(Duration.ofSeconds(5))
                .build();
        for (int i = 0; i < 240; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The client backend stopped: " + Files.readString(log));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The client backend did not start in two minutes: " + Files.readString(log));
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
        Files.deleteIfExists(log);
    }

    private static Path jar() {
        URL pom = ClientBackendProcess.class
                .getClassLoader()
                .getResource("META-INF/maven/ch.ontrack/client-backend/pom.properties");
        if (pom == null || !pom.getProtocol().equals("jar")) {
            throw new IllegalStateException(
                    "The client backend's jar is not on the test class path: build it with Maven "
                            + "(mvn -pl apps/provider-backend -am verify)");
        }
        String file = pom.getPath().substring(0, pom.getPath().indexOf("!/"));
        try {
            return Path.of(new URI(file));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
