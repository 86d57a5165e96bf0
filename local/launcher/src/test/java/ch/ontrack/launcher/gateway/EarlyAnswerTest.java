package ch.ontrack.launcher.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A backend may refuse a request before it has read the body (a malformed upload, a missing session) and close the
 * connection after its answer, as Tomcat does after a 400. The gateway passes that answer on instead of dropping the
 * client's connection or reporting a bad gateway.
 */
class EarlyAnswerTest extends WithTestGateway {

    private static final String PROBLEM = "{\"type\":\"https://on-track.ch/problems/invalid-request\",\"status\":400}";

    @Test
    void anAnswerBeforeTheWholeBodyIsPassedOnWhenTheBackendThenReadsTheRest() throws Exception {
        // Tomcat after a 400: the answer with Connection: close, then up to 2 MB of the body read and dropped
        Map<Integer, Integer> answers =
                answersToTenAttempts(() -> HttpRequest.BodyPublishers.ofByteArray(new byte[300 * 1024]), true);
        assertThat(answers).isEqualTo(Map.of(400, 10));
    }

    @Test
    void anAnswerBeforeTheWholeBodyIsPassedOnWhenTheBackendClosesAtOnce() throws Exception {
        // 1.5 MB sent chunked (no Content-Length), of which the backend reads 16 KB before it closes
        byte[] chunk = new byte[64 * 1024];
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            chunks.add(chunk);
        }
        Map<Integer, Integer> answers =
                answersToTenAttempts(() -> HttpRequest.BodyPublishers.ofByteArrays(chunks), false);
        // Known limit: when sending the body fails before the answer is read, the proxy's HTTP client drops the answer
        // and the gateway can only report a bad gateway. The client gets an answer either way, never a cut connection.
        assertThat(answers.keySet()).isSubsetOf(400, 502).contains(400);
    }

    @Test
    void anUploadToABackendThatIsDownGetsTheGatewaysAnswer() throws Exception {
        // nothing listens on the backend's port: the gateway answers 503 before it has read the body
        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> r = gateway.https()
                    .send(
                            HttpRequest.newBuilder(URI.create("https://client.localhost:" + gateway.httpsPort()
                                            + "/api/shares/abc/files"))
                                    .header("Content-Type", "multipart/form-data; boundary=x")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1536 * 1024]))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            assertThat(r.body()).contains("client-backend is not running");
        }
    }

    /** How many of ten attempts got which status; fails on an attempt without an answer. */
    private static Map<Integer, Integer> answersToTenAttempts(Supplier<HttpRequest.BodyPublisher> body, boolean drain)
            throws Exception {
        try (ServerSocket backend = new ServerSocket(
                gateway.options().port("client-backend", "server"), 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerEarly(backend, drain));
            answering.start();
            List<String> failures = new ArrayList<>();
            Map<Integer, Integer> answers = new TreeMap<>();
            for (int attempt = 0; attempt < 10; attempt++) {
                try {
                    HttpResponse<String> r = gateway.https()
                            .send(
                                    HttpRequest.newBuilder(URI.create("https://client.localhost:" + gateway.httpsPort()
                                                    + "/api/shares/abc/files"))
                                            .header("Content-Type", "multipart/form-data; boundary=x")
                                            .POST(body.get())
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                    answers.merge(r.statusCode(), 1, Integer::sum);
                    boolean passedOn = r.statusCode() == 400 && r.body().equals(PROBLEM);
                    boolean badGateway = r.statusCode() == 502 && r.body().contains("/problems/bad-gateway");
                    if (!passedOn && !badGateway) {
                        failures.add("attempt " + attempt + ": " + r.statusCode() + " " + r.body());
                    }
                } catch (IOException e) {
                    failures.add("attempt " + attempt + ": " + e);
                }
            }
            backend.close();
            answering.join(5_000);
            assertThat(failures).isEmpty();
            return answers;
        }
    }

    /** Reads the head and 16 KB of the body, answers 400 with Connection: close, reads the rest or not, closes. */
    private static void answerEarly(ServerSocket backend, boolean drain) {
        while (!backend.isClosed()) {
            try (Socket s = backend.accept()) {
                s.setSoTimeout(5_000);
                InputStream in = s.getInputStream();
                int matched = 0;
                for (int b; matched < 4 && (b = in.read()) != -1; ) {
                    matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                in.readNBytes(16 * 1024);
                byte[] problem = PROBLEM.getBytes(StandardCharsets.US_ASCII);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 400 \r\nContent-Type: application/problem+json\r\nContent-Length: "
                                + problem.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(problem);
                out.flush();
                if (drain) {
                    in.readNBytes(2 * 1024 * 1024);
                }
            } catch (IOException e) {
                // the gateway gave up on this connection, or the test is over
            }
        }
    }
}
