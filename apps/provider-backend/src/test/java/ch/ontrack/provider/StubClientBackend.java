package ch.ontrack.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server in place of the client backend's internal API, answering shares the way the client
 * backend does when it refuses them: files are taken; a share whose title contains "[refuse]" gets 422
 * problem+json until {@link #fix} is called for it, one containing "[down]" gets 503, one containing "[proxy]" a
 * proxy's 400 page, others 201. New codes, expiry changes and revocations succeed; events are none unless
 * {@link #events} set them.
 */
final class StubClientBackend {

    static final String CODE = "ABCDE-23456";
    static final String REASON = "Some fields are missing or invalid.";

    private final HttpServer server;
    private final Map<String, AtomicInteger> sharePuts = new ConcurrentHashMap<>();
    private final Set<String> fixed = ConcurrentHashMap.newKeySet();
    private final Map<String, String> events = new ConcurrentHashMap<>();

    StubClientBackend() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/shares/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int sharePuts(Object shareId) {
        return sharePuts.getOrDefault(shareId.toString(), new AtomicInteger()).get();
    }

    void fix(Object shareId) {
        fixed.add(shareId.toString());
    }

    /** What GET /internal/shares/{id}/events answers from now on (the client backend's events JSON). */
    void events(Object shareId, String json) {
        events.put(shareId.toString(), json);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String[] path = exchange.getRequestURI().getPath().split("/");
        String action = path.length == 5 ? path[4] : "";
        switch (exchange.getRequestMethod() + " " + action) {
            case "GET events" -> {
                answer(
                        exchange,
                        200,
                        "application/json",
                        events.getOrDefault(
                                path[3], "{\"locked\":false,\"failedAttempts\":0,\"revoked\":false,\"events\":[]}"));
                return;
            }
            case "POST access-code" -> {
                answer(exchange, 201, "application/json", "{\"accessCode\":\"" + CODE + "\"}");
                return;
            }
            case "PUT expiry", "POST revoke" -> {
                answer(exchange, 204, "application/json", "");
                return;
            }
            default -> {
                // files and shares below
            }
        }
        boolean share = path.length == 4 && "PUT".equals(exchange.getRequestMethod());
        if (!share) {
            answer(exchange, 201, "application/json", "");
            return;
        }
        String shareId = path[3];
        sharePuts.computeIfAbsent(shareId, k -> new AtomicInteger()).incrementAndGet();
        if (body.contains("[refuse]") && !fixed.contains(shareId)) {
            answer(
                    exchange,
                    422,
                    "application/problem+json",
                    "{\"type\":\"https://on-track.ch/problems/validation\","
                            + "\"title\":\"Invalid input\",\"status\":422,\"detail\":\"" + REASON + "\","
                            + "\"errors\":[{\"field\":\"fileIds\",\"message\":\"size must be between 0 and 200\"}]}");
        } else if (body.contains("[proxy]")) {
            // a proxy in front of the client backend refusing the call with its own page: no verdict on the share
            answer(exchange, 400, "text/html", "<html><body><h1>400 Bad Request</h1></body></html>");
        } else if (body.contains("[down]")) {
            answer(exchange, 503, "application/problem+json", "{\"status\":503}");
        } else {
            answer(exchange, 201, "application/json", "{\"accessCode\":\"" + CODE + "\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
