package ch.ontrack.launcher.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway closes a connection to a backend it no longer uses before the backend's keep-alive would (Tomcat: 60 s),
 * so it never sends a request on a connection that the backend is closing at that very moment; a request in progress
 * may stay silent for longer than that.
 */
class BackendConnectionsTest {

    private static final Duration POOLED_IDLE = Duration.ofSeconds(1);

    @TempDir
    static Path repo;

    @TempDir
    static Path data;

    static TestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = TestGateway.start(repo, data, BackendTimeouts.PRODUCTION.withPooledIdle(POOLED_IDLE));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theGatewayClosesAnIdleConnectionToABackendItself() throws Exception {
        try (ServerSocket backend = backendSocket()) {
            Thread client = new Thread(() -> get("/api/shares/abc"));
            client.start();
            try (Socket connection = backend.accept()) {
                answer(connection, Duration.ZERO);
                // the backend keeps the connection open (keep-alive) and waits far longer than the gateway's idle time
                connection.setSoTimeout((int) POOLED_IDLE.multipliedBy(8).toMillis());
                long idleSince = System.nanoTime();
                int next;
                try {
                    next = connection.getInputStream().read();
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("the gateway left its unused connection to the backend open", e);
                }
                assertThat(next)
                        .as("end of stream: the gateway closed the connection")
                        .isEqualTo(-1);
                assertThat(Duration.ofNanos(System.nanoTime() - idleSince)).isGreaterThanOrEqualTo(POOLED_IDLE);
            }
            client.join();
        }
    }

    @Test
    void aRequestInProgressMayBeSilentLongerThanAnUnusedConnection() throws Exception {
        try (ServerSocket backend = backendSocket()) {
            Thread answering = new Thread(() -> {
                try (Socket connection = backend.accept()) {
                    answer(connection, POOLED_IDLE.multipliedBy(3));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            answering.start();
            HttpResponse<String> r = get("/api/shares/slow");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("ok");
            answering.join();
        }
    }

    private static ServerSocket backendSocket() throws IOException {
        return new ServerSocket(
                gateway.options().port("client-backend", "server"), 1, InetAddress.getLoopbackAddress());
    }

    /** Reads one request (no body) and answers 200 "ok" after {@code delay}, keeping the connection open. */
    private static void answer(Socket connection, Duration delay) throws IOException {
        InputStream in = connection.getInputStream();
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) != -1; ) {
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection
                .getOutputStream()
                .write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"
                        .getBytes(StandardCharsets.US_ASCII));
        connection.getOutputStream().flush();
    }

    private static HttpResponse<String> get(String path) {
        try {
            return gateway.https()
                    .send(
                            HttpRequest.newBuilder(URI.create("https://client.localhost:" + gateway.httpsPort() + path))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
