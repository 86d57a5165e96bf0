package ch.ontrack.apiclient;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/** A real HTTP(S) server on the loopback interface that records each request and answers through one function. */
final class RecordingServer implements AutoCloseable {

    record Request(String method, String path, Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    record Answer(int status, String contentType, String body, List<String> setCookies) {
        static Answer json(int status, String body, String... setCookies) {
            return new Answer(status, "application/json", body, List.of(setCookies));
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    RecordingServer(SSLContext tls, Function<Request, Answer> handler) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(loopback, 0);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/", exchange -> respond(exchange, handler));
        server.start();
    }

    URI url(String host) {
        return URI.create((server instanceof HttpsServer ? "https" : "http") + "://" + host + ":"
                + server.getAddress().getPort());
    }

    Request last() {
        return requests.get(requests.size() - 1);
    }

    private void respond(HttpExchange exchange, Function<Request, Answer> handler) throws IOException {
        try (exchange) {
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Answer answer = handler.apply(request);
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.setCookies().forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c));
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
