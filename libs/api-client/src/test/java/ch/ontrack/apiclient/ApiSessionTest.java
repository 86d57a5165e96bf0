package ch.ontrack.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.ontrack.apiclient.RecordingServer.Answer;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session against a real HTTP server: cookies, the CSRF header, headers, JSON, problems. */
class ApiSessionTest {

    private RecordingServer server;
    private ApiSession session;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer(null, r -> switch (r.method() + " " + r.path()) {
            case "GET /api/auth/me" -> Answer.json(401, "{}", "XSRF-TOKEN=first; Path=/; Secure; SameSite=Strict");
            case "POST /api/auth/login" ->
                Answer.json(
                        200,
                        "{\"id\":\"4b9c3f9e-8d1f-4a8e-9a53-0a5c2f1e6b7d\"}",
                        "__Host-oc-session=s1; Path=/; Secure; HttpOnly",
                        "XSRF-TOKEN=rotated; Path=/; Secure");
            case "POST /api/auth/logout" ->
                Answer.json(
                        204,
                        "",
                        "__Host-oc-session=; Path=/; Max-Age=0",
                        "XSRF-TOKEN=gone; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
            case "GET /missing" ->
                new Answer(
                        404,
                        "application/problem+json",
                        "{\"type\":\"https://on-track.ch/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                                + "\"detail\":\"No such document.\"}",
                        java.util.List.of());
            default -> Answer.json(200, "{\"ok\":true}");
        });
        session = ApiSession.to(server.url("127.0.0.1"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void keepsCookiesTheSiteSetEvenSecureOnesOverPlainHttp() {
        session.get("/api/auth/me");
        session.post("/api/auth/login", Map.of("email", "a@example.com", "password", "pw"));

        assertThat(session.cookies()).containsEntry("__Host-oc-session", "s1").containsEntry("XSRF-TOKEN", "rotated");
        session.get("/api/documents");
        assertThat(server.last().header("Cookie")).isEqualTo("XSRF-TOKEN=rotated; __Host-oc-session=s1");
    }

    @Test
    void forgetsCookiesTheSiteExpires() {
        session.post("/api/auth/login", Map.of());
        session.post("/api/auth/logout", null);

        assertThat(session.cookies()).isEmpty();
    }

    @Test
    void withoutACookieJarKeepsAndSendsNone() {
        ApiSession service = ApiSession.to(server.url("127.0.0.1")).withoutCookieJar();
        service.post("/api/auth/login", Map.of());
        service.get("/api/documents", "Cookie", "__Host-oc-share=given");

        assertThat(service.cookies()).isEmpty();
        assertThat(server.last().header("Cookie")).isEqualTo("__Host-oc-share=given");
    }

    @Test
    void echoesTheXsrfCookieOnWritesOnly() {
        session.get("/api/auth/me");
        session.get("/api/documents");
        assertThat(server.last().header("X-XSRF-TOKEN")).isNull();

        session.put("/api/documents/1", Map.of("title", "x"));
        assertThat(server.last().header("X-XSRF-TOKEN")).isEqualTo("first");

        session.withoutCsrfHeader().delete("/api/documents/1");
        assertThat(server.last().header("X-XSRF-TOKEN")).isNull();
    }

    @Test
    void sendsJsonAndItsHeadersAndTakesStringsAsTheyAre() {
        session.header("X-Forwarded-For", "198.51.100.7").post("/api/clients", Map.of("name", "Ann"));
        assertThat(server.last().header("Content-Type")).isEqualTo("application/json");
        assertThat(server.last().header("X-Forwarded-For")).isEqualTo("198.51.100.7");
        assertThat(server.last().text()).isEqualTo("{\"name\":\"Ann\"}");

        session.post("/api/clients", "{\"name\":");
        assertThat(server.last().text()).isEqualTo("{\"name\":");

        session.exchange("POST", "/api/clients", "{}", "Content-Type", "application/merge-patch+json");
        assertThat(server.last().header("Content-Type")).isEqualTo("application/merge-patch+json");
    }

    @Test
    void readsJsonAndIds() {
        ApiResponse login = session.post("/api/auth/login", Map.of()).expect(200);

        assertThat(login.id()).hasToString("4b9c3f9e-8d1f-4a8e-9a53-0a5c2f1e6b7d");
        assertThat(session.get("/anything").json().path("ok").asBoolean()).isTrue();
    }

    @Test
    void anUnexpectedStatusIsAProblemWithItsDetails() {
        ApiResponse missing = session.get("/missing");
        assertThat(missing.problemType()).isEqualTo("not-found");

        assertThatThrownBy(() -> missing.expect(200)).isInstanceOfSatisfying(ApiProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.type()).isEqualTo("https://on-track.ch/problems/not-found");
            assertThat(e.title()).isEqualTo("Not found");
            assertThat(e.detail()).isEqualTo("No such document.");
            assertThat(e).hasMessageStartingWith("GET /missing answered 404 (application/problem+json)");
        });
    }

    @Test
    void sendsNoCookiesToAnotherSite() throws Exception {
        session.post("/api/auth/login", Map.of());
        try (RecordingServer other = new RecordingServer(null, r -> Answer.json(200, "{}", "XSRF-TOKEN=theirs"))) {
            session.post(other.url("127.0.0.1").resolve("/elsewhere").toString(), Map.of());

            assertThat(other.last().header("Cookie")).isNull();
            assertThat(other.last().header("X-XSRF-TOKEN")).isNull();
            assertThat(session.cookie("XSRF-TOKEN")).isEqualTo("rotated");
        }
    }

    @Test
    void streamsDownloadsWithExtraHeaders() throws Exception {
        HttpResponse<InputStream> response = session.download("/files/1", "Range", "bytes=0-1");

        try (InputStream body = response.body()) {
            assertThat(body.readAllBytes()).asString().isEqualTo("{\"ok\":true}");
        }
        assertThat(server.last().header("Range")).isEqualTo("bytes=0-1");
    }
}
