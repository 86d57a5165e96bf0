package ch.ontrack.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.ontrack.apiclient.RecordingServer.Answer;
import ch.ontrack.apiclient.RecordingServer.Request;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The provider and client APIs against servers that answer their routes like the backends. */
class PlatformApisTest {

    @Test
    void providerApiFetchesTheXsrfCookieBeforeItsFirstWriteAndEchoesIt() throws Exception {
        try (RecordingServer provider = new RecordingServer(null, PlatformApisTest::provider)) {
            ProviderApi api = new ProviderApi(ApiSession.to(provider.url("127.0.0.1")));

            String clientId =
                    api.createClient("Ann", "ann@example.com").path("id").asString();
            api.uploadFile("d1", "a.pdf", "application/pdf", new byte[] {1, 2});
            String link = api.share("d1", clientId, Instant.parse("2030-01-01T00:00:00Z"))
                    .path("link")
                    .asString();

            assertThat(provider.requests)
                    .extracting(r -> r.method() + " " + r.path())
                    .containsExactly(
                            "GET /api/auth/me",
                            "POST /api/clients",
                            "POST /api/documents/d1/files",
                            "POST /api/documents/d1/shares");
            assertThat(provider.requests.subList(1, 4))
                    .extracting(r -> r.header("X-XSRF-TOKEN"))
                    .containsOnly("t1");
            assertThat(provider.requests.get(3).text()).contains("\"expiresAt\":\"2030-01-01T00:00:00Z\"");
            assertThat(link).isEqualTo("https://client.localhost/s/tok");
        }
    }

    @Test
    void providerApiThrowsTheProblemOfARefusedCall() throws Exception {
        try (RecordingServer provider = new RecordingServer(null, PlatformApisTest::provider)) {
            ProviderApi api = new ProviderApi(ApiSession.to(provider.url("127.0.0.1")));

            assertThatThrownBy(() -> api.login("a@example.com", "wrong"))
                    .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.typeName()).isEqualTo("bad-credentials");
                    });
        }
    }

    @Test
    void clientApiUnlocksAndThenReadsWithTheShareSession() throws Exception {
        try (RecordingServer client = new RecordingServer(null, r -> switch (r.method() + " " + r.path()) {
            case "POST /api/shares/tok/unlock" ->
                r.text().contains("ABCDEFGHJK")
                        ? Answer.json(200, "{}", "__Host-oc-share=s; Path=/; Secure; HttpOnly")
                        : Answer.json(403, "{}");
            case "GET /api/shares/tok/document" ->
                "__Host-oc-share=s".equals(r.header("Cookie"))
                        ? Answer.json(200, "{\"files\":[{\"id\":\"f1\"}]}")
                        : Answer.json(401, "{}");
            default -> Answer.json(404, "{}");
        })) {
            ClientApi api = new ClientApi(ApiSession.to(client.url("127.0.0.1")));

            assertThat(api.unlock("tok", "WRONGWRONG").status()).isEqualTo(403);
            assertThat(api.unlock("tok", "ABCDEFGHJK").status()).isEqualTo(200);
            assertThat(api.document("tok")
                            .expect(200)
                            .json()
                            .path("files")
                            .get(0)
                            .path("id")
                            .asString())
                    .isEqualTo("f1");
            assertThat(api.cookies()).containsEntry("__Host-oc-share", "s");
        }
    }

    private static Answer provider(Request r) {
        String route = r.method() + " " + r.path();
        if (route.equals("GET /api/auth/me")) {
            return Answer.json(401, "{}", "XSRF-TOKEN=t1; Path=/; Secure");
        }
        if (route.equals("POST /api/auth/login")) {
            return new Answer(
                    401,
                    "application/problem+json",
                    "{\"type\":\"https://on-track.ch/problems/bad-credentials\",\"status\":401}",
                    java.util.List.of());
        }
        if (!"t1".equals(r.header("X-XSRF-TOKEN"))) {
            return Answer.json(403, "{}");
        }
        return switch (route) {
            case "POST /api/clients" -> Answer.json(201, "{\"id\":\"c1\"}");
            case "POST /api/documents/d1/files" ->
                r.header("Content-Type").startsWith("multipart/form-data; boundary=")
                        ? Answer.json(201, "{\"id\":\"f1\"}")
                        : Answer.json(415, "{}");
            case "POST /api/documents/d1/shares" ->
                Answer.json(201, "{\"id\":\"s1\",\"link\":\"https://client.localhost/s/tok\"}");
            default -> Answer.json(404, "{}");
        };
    }
}
