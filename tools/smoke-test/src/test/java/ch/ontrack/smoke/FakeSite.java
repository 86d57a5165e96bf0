package ch.ontrack.smoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/** A real HTTPS server on the loopback interface that answers through one handler. */
final class FakeSite implements AutoCloseable {

    record Request(String method, String path, String xsrfHeader, String cookies, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record Answer(int status, String contentType, byte[] body, List<String> setCookies) {
        static Answer json(int status, String json, String... setCookies) {
            return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8), List.of(setCookies));
        }

        static Answer html(String html) {
            return new Answer(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), List.of());
        }
    }

    interface Handler {
        Answer answer(Request request);
    }

    static final String INDEX = "<!doctype html><html><head><script type=\"module\" src=\"/assets/app.js\"></script>"
            + "</head><body><div id=\"app\"></div></body></html>";

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpsServer server;

    FakeSite(SSLContext tls, Handler handler) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> respond(exchange, handler));
        server.start();
    }

    URI url(String host) {
        return URI.create("https://" + host + ":" + server.getAddress().getPort());
    }

    private void respond(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("X-XSRF-TOKEN"),
                    String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")),
                    exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Answer answer = handler.answer(request);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.setCookies().forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
