package ch.ontrack.smoke;

import static ch.ontrack.smoke.FakeSite.Answer.json;

import ch.ontrack.smoke.FakeSite.Answer;
import ch.ontrack.smoke.FakeSite.Request;
import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Both sites of a deployment, answering the contract's routes from memory, with faults a broken
 * deployment could have switched on per test.
 */
final class FakePlatform implements AutoCloseable {

    static final String TOKEN = "tok3n";
    static final String CODE = "ABCDEFGHJK";

    final Set<String> faults = new HashSet<>();
    /** How many times the provider's /api/health answers 503 before it is UP (a fresh deployment). */
    int unhealthyAnswers;

    final FakeSite provider;
    final FakeSite client;
    private String xsrf = "first-token";
    private String password;
    private byte[] uploaded;
    private boolean downloaded;

    FakePlatform(SSLContext tls) throws Exception {
        provider = new FakeSite(tls, this::provider);
        client = new FakeSite(tls, this::client);
    }

    URI providerUrl() {
        return provider.url("localhost");
    }

    URI clientUrl() {
        return client.url("localhost");
    }

    private Answer provider(Request r) {
        String route = r.method() + " " + r.path();
        if (faults.contains(route)) {
            return json(500, "{\"type\":\"about:blank\",\"status\":500}");
        }
        if (!r.path().startsWith("/api/")) {
            return site(r);
        }
        if (!r.method().equals("GET") && !xsrf.equals(r.xsrfHeader())) {
            return json(403, "{\"type\":\"csrf\"}");
        }
        return switch (route) {
            case "GET /api/health" ->
                unhealthyAnswers-- > 0 ? json(503, "{\"status\":\"DOWN\"}") : json(200, "{\"status\":\"UP\"}");
            case "GET /api/auth/me" -> json(401, "{}", "XSRF-TOKEN=" + xsrf + "; Path=/; Secure");
            case "POST /api/auth/signup" -> signup(r);
            case "POST /api/clients" -> json(201, "{\"id\":\"c1\",\"name\":\"x\"}");
            case "POST /api/documents" -> json(201, "{\"id\":\"d1\"}");
            case "POST /api/documents/d1/files" -> upload(r);
            case "POST /api/documents/d1/shares" ->
                json(
                        201,
                        "{\"id\":\"s1\",\"link\":\"" + clientUrl() + "/s/" + TOKEN + "\",\"accessCode\":\"" + CODE
                                + "\",\"status\":\"DELIVERED\"}");
            case "GET /api/shares/s1" ->
                json(
                        200,
                        "{\"id\":\"s1\",\"events\":["
                                + (downloaded
                                        ? "{\"type\":\"VIEWED\"},{\"type\":\"DOWNLOADED\",\"fileId\":\"f1\"}"
                                        : "")
                                + "]}");
            case "DELETE /api/auth/account" ->
                r.text().contains("\"" + password + "\"") ? json(204, "") : json(403, "{\"type\":\"wrong-password\"}");
            default -> json(404, "{\"type\":\"not-found\"}");
        };
    }

    private Answer signup(Request r) {
        if (faults.contains("signup disabled")) {
            return json(403, "{\"type\":\"signup-disabled\"}");
        }
        password = r.text().replaceAll(".*\"password\":\"([^\"]+)\".*", "$1");
        xsrf = "rotated-token";
        return json(
                201,
                "{\"id\":\"p1\",\"email\":\"x\",\"organisation\":\"x\"}",
                "__Host-oc-session=abc; Path=/; Secure; HttpOnly",
                "XSRF-TOKEN=" + xsrf + "; Path=/; Secure");
    }

    private Answer upload(Request r) {
        byte[] body = r.body();
        String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\r\n\r\n") + 4;
        int end = text.lastIndexOf("\r\n--");
        uploaded = Arrays.copyOfRange(body, start, end);
        return json(201, "{\"id\":\"f1\",\"name\":\"smoke-test.pdf\"}");
    }

    private Answer client(Request r) {
        String route = r.method() + " " + r.path();
        if (faults.contains(route)) {
            return json(500, "{\"status\":500}");
        }
        if (!r.path().startsWith("/api/")) {
            return site(r);
        }
        String share = "/api/shares/" + TOKEN;
        if (route.equals("GET /api/health")) {
            return json(200, "{\"status\":\"UP\"}");
        } else if (route.equals("GET " + share)) {
            return json(200, "{\"state\":\"AVAILABLE\",\"attemptsLeft\":5}");
        } else if (route.equals("POST " + share + "/unlock")) {
            return r.text().contains(CODE)
                    ? json(200, "{\"title\":\"x\"}", "__Host-oc-share=s; Path=/; Secure; HttpOnly")
                    : json(403, "{\"attemptsLeft\":4}");
        } else if (route.equals("GET " + share + "/document") && r.cookies().contains("__Host-oc-share=s")) {
            return json(200, "{\"files\":[{\"id\":\"f1\",\"name\":\"smoke-test.pdf\",\"size\":10}]}");
        } else if (route.equals("GET " + share + "/files/f1") && r.cookies().contains("__Host-oc-share=s")) {
            downloaded = true;
            return new Answer(200, "application/pdf", uploaded, List.of());
        }
        return json(404, "{\"type\":\"not-found\"}");
    }

    /** The frontend: its index for every path (SPA fallback), unless a fault exposes management. */
    private Answer site(Request r) {
        if (r.path().startsWith("/actuator") && faults.contains("management exposed")) {
            return json(200, "{\"status\":\"UP\",\"components\":{}}");
        }
        return FakeSite.Answer.html(FakeSite.INDEX);
    }

    @Override
    public void close() {
        provider.close();
        client.close();
    }
}
