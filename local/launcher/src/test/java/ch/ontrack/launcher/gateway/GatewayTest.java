package ch.ontrack.launcher.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.web.SecurityHeaders;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayTest {

    @TempDir
    static Path repo;

    @TempDir
    static Path data;

    static TestGateway gateway;
    static LaunchOptions options;
    static HttpServer providerBackend;
    static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        gateway = TestGateway.start(repo, data, BackendTimeouts.PRODUCTION.withApi(Duration.ofSeconds(4)));
        options = gateway.options();
        providerBackend =
                HttpServer.create(new InetSocketAddress("127.0.0.1", options.port("provider-backend", "server")), 0);
        providerBackend.setExecutor(Executors.newCachedThreadPool());
        providerBackend.createContext("/api/slow", exchange -> {
            sleep(Duration.ofSeconds(10));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        providerBackend.createContext("/", exchange -> {
            long bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            String body = exchange.getRequestHeaders().entrySet().stream()
                            .map(e -> e.getKey().toLowerCase() + "=" + String.join(",", e.getValue()))
                            .sorted()
                            .collect(Collectors.joining("\n"))
                    + "\npath=" + exchange.getRequestURI() + "\nbytes=" + bytes;
            if (exchange.getRequestURI().getPath().startsWith("/api/download")) {
                exchange.getResponseHeaders()
                        .set("Content-Security-Policy", SecurityHeaders.DOWNLOAD_CONTENT_SECURITY_POLICY);
            }
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        providerBackend.start();
        https = gateway.https();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        providerBackend.stop(0);
    }

    @Test
    void providerApiGoesToTheProviderBackendWithForwardedHeaders() throws Exception {
        HttpResponse<String> r = get("https://provider.localhost:%d/api/clients?x=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains(
                        "path=/api/clients?x=1",
                        "x-forwarded-proto=https",
                        "x-forwarded-host=provider.localhost:" + options.httpsPort(),
                        "x-forwarded-for=127.0.0.1",
                        "host=provider.localhost:" + options.httpsPort());
        assertThat(r.headers().allValues("Date")).hasSize(1);
    }

    @Test
    void theAccessLogHasEveryRequestWithoutLinkTokensOrQueries() throws Exception {
        String token = "Acc3ssLogT0ken_" + System.nanoTime();
        assertThat(get("https://client.localhost:%d/s/" + token).statusCode()).isEqualTo(200);
        get("https://client.localhost:%d/api/shares/" + token + "/unlock?code=ABCDE");
        get("https://provider.localhost:%d/api/clients?secret=" + token);

        java.nio.file.Path log = options.dataDir().resolve("logs/gateway.log");
        String lines = "";
        for (int i = 0; i < 50 && !lines.contains("/api/clients\""); i++) { // written once the answer is sent
            sleep(Duration.ofMillis(100));
            lines = java.nio.file.Files.readString(log);
        }
        assertThat(lines)
                .doesNotContain(token)
                .doesNotContain("ABCDE")
                .contains("\"method\":\"GET\",\"host\":\"client.localhost:" + options.httpsPort()
                        + "\",\"path\":\"/s/[redacted]\"")
                .contains("\"path\":\"/api/shares/[redacted]/unlock\"", "\"path\":\"/api/clients\",\"status\":200");
    }

    @Test
    void clientSideRoutesGetTheAppsIndexWithoutCaching() throws Exception {
        HttpResponse<String> r = get("https://client.localhost:%d/s/some-token");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<title>client-frontend</title>");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(get("https://provider.localhost:%d/").body()).contains("<title>provider-frontend</title>");
    }

    @Test
    void hashedAssetsAreCachedForAYearAndMissingOnesAreNotFound() throws Exception {
        HttpResponse<String> r = get("https://provider.localhost:%d/assets/app-1a2b.js");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(get("https://provider.localhost:%d/assets/missing.js").statusCode())
                .isEqualTo(404);
    }

    @Test
    void everyResponseCarriesTheProductionSecurityHeaders() throws Exception {
        for (String url : new String[] {
            "https://provider.localhost:%d/",
            "https://provider.localhost:%d/api/x",
            "https://client.localhost:%d/actuator/health",
            "https://mail.localhost:%d/"
        }) {
            HttpResponse<String> r = get(url);
            SecurityHeaders.COMMON.forEach(
                    (name, value) -> assertThat(r.headers().firstValue(name))
                            .as(url + " " + name)
                            .hasValue(value));
        }
    }

    @Test
    void aBackendsOwnContentSecurityPolicyIsKept() throws Exception {
        HttpResponse<String> r = get("https://provider.localhost:%d/api/download/1");
        assertThat(r.headers().allValues("Content-Security-Policy"))
                .containsExactly(SecurityHeaders.DOWNLOAD_CONTENT_SECURITY_POLICY);
    }

    @Test
    void internalAndManagementPathsAreNeverRouted() throws Exception {
        for (String path : new String[] {
            "/internal/shares/1/events", "/actuator/health", "/actuator", "/Actuator/prometheus", "/internal;x=1/shares"
        }) {
            for (String site : new String[] {"provider", "client"}) {
                HttpResponse<String> r = get("https://" + site + ".localhost:%d" + path);
                assertThat(r.statusCode()).as(site + path).isEqualTo(404);
                assertThat(r.body()).doesNotContain("path=");
            }
        }
    }

    @Test
    void aBackendThatIsDownGivesProblemJsonWith503() throws Exception {
        // nothing listens on the client backend's port in this test
        HttpResponse<String> r = get("https://client.localhost:%d/api/shares/abc");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body())
                .contains(
                        "\"status\":503",
                        "https://on-track.ch/problems/backend-unavailable",
                        "client-backend is not running");
    }

    @Test
    void aBackendThatAnswersGarbageGivesProblemJson() throws Exception {
        try (ServerSocket garbage = new ServerSocket(
                options.port("client-backend", "server"), 1, java.net.InetAddress.getLoopbackAddress())) {
            java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
            Thread backend = new Thread(() -> {
                // every connection gets garbage, as from a backend that really speaks no HTTP (the proxy may try again)
                while (!garbage.isClosed()) {
                    try (Socket s = garbage.accept()) {
                        connections.incrementAndGet();
                        java.io.InputStream in = s.getInputStream();
                        int matched = 0; // answer once the request is in
                        for (int b; matched < 4 && (b = in.read()) != -1; ) {
                            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                        }
                        s.getOutputStream().write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return; // closed at the end of the test
                    }
                }
            });
            backend.start();
            HttpResponse<String> r = get("https://client.localhost:%d/api/shares/abc");
            assertThat(r.statusCode())
                    .as(r.body() + " after " + connections.get() + " connection(s)")
                    .isEqualTo(502);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.body()).contains("\"status\":" + r.statusCode(), "client-backend");
            backend.join(10_000);
        }
    }

    @Test
    void aBackendThatDoesNotAnswerInTimeGivesProblemJsonWith504() throws Exception {
        HttpResponse<String> r = get("https://provider.localhost:%d/api/slow");
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("\"status\":504", "provider-backend did not answer");
    }

    @Test
    void gatewayErrorsOutsideTheApiArePagesWithoutStackTraces() throws Exception {
        HttpResponse<String> r = get("https://provider.localhost:%d/actuator/health");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).doesNotContain("org.eclipse", "Caused by", "at java.");
    }

    @Test
    void requestsTheGatewayCannotParseGetProblemJson() throws Exception {
        String[] rejected = {
            "GET /api/documents/%00x HTTP/1.1\r\nHost: client.localhost\r\n",
            "GET /api/documents/%ED%A0%80 HTTP/1.1\r\nHost: client.localhost\r\n",
            "GET /api/documents/a%2F..%2Fb HTTP/1.1\r\nHost: client.localhost\r\n",
            "GET /api/" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: client.localhost\r\n",
            "GET /api/documents HTTP/1.1\r\nHost: client.localhost\r\nX-Big: " + "x".repeat(20_000) + "\r\n",
        };
        for (String request : rejected) {
            String answer = plainHttp(request + "Accept: text/html\r\nConnection: close\r\n\r\n");
            String label = request.substring(0, Math.min(60, request.length()));
            assertThat(answer).as(label).matches("(?s)HTTP/1\\.1 4(00|14|31) .*");
            assertThat(answer)
                    .as(label)
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"type\":\"https://on-track.ch/problems/")
                    .doesNotContain("<html", "org.eclipse");
        }
    }

    @Test
    void anUnknownHostIsRefusedOnPlainHttpInsteadOfRedirected() throws Exception {
        for (String host : new String[] {"evil.example", "provider.localhost.evil.example", "localhost"}) {
            String answer = plainHttp("GET /s/abc HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(host).startsWith("HTTP/1.1 421").doesNotContainIgnoringCase("Location:");
        }
        assertThat(plainHttp("GET /s/abc HTTP/1.1\r\nHost: client.localhost\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 301")
                .contains("Location: https://client.localhost:" + options.httpsPort() + "/s/abc");
    }

    @Test
    void plainHttpRedirectsToHttps() throws Exception {
        HttpResponse<String> r = https.send(
                HttpRequest.newBuilder(URI.create("http://client.localhost:" + options.httpPort() + "/s/abc?q=1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location"))
                .hasValue("https://client.localhost:" + options.httpsPort() + "/s/abc?q=1");
    }

    @Test
    void uploadsStreamThroughToTheBackend() throws Exception {
        byte[] body = new byte[40 * 1024 * 1024];
        HttpResponse<String> r = https.send(
                HttpRequest.newBuilder(url("https://provider.localhost:%d/api/documents/1/files"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).contains("bytes=" + body.length);
    }

    @Test
    void theMailPageListsReceivedMessagesWithClickableEscapedLinks() throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", String.valueOf(options.port("mail", "smtp")));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("no-reply@on-track.ch"));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "alex@example.com");
        message.setSubject("A document <script>alert(1)</script>");
        message.setText("Open https://client.localhost:8443/s/abc_DEF-123 to read it.");
        Transport.send(message);

        HttpResponse<String> json = get("https://mail.localhost:%d/api/messages");
        assertThat(json.body()).contains("alex@example.com", "/s/abc_DEF-123");
        String page = get("https://mail.localhost:%d/").body();
        assertThat(page)
                .contains("<a href=\"https://client.localhost:8443/s/abc_DEF-123\"")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");
    }

    private static String plainHttp(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", options.httpPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static URI url(String template) {
        return URI.create(template.formatted(options.httpsPort()));
    }

    private static HttpResponse<String> get(String template) throws IOException, InterruptedException {
        return https.send(HttpRequest.newBuilder(url(template)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
