package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.web.testing.RawHttp;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Oversized, chunked, unstorable and spoofed input: answered with 4xx, and the service stays up. */
class HostileInputTest extends ApiTest {

    private String unlockHead(String token, String... headers) {
        return "POST /api/shares/" + token + "/unlock HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\n" + String.join("", headers);
    }

    @Test
    void parallelChunkedUnlocksWithAHugeCodeAreRefusedAt4KiB() {
        var threads = Executors.newFixedThreadPool(3);
        var attempts = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.supplyAsync(
                        () -> RawHttp.send(
                                "127.0.0.1",
                                publicPort,
                                unlockHead(
                                        "anything-" + i,
                                        "X-Forwarded-For: " + clientAddress + "\r\n",
                                        "Transfer-Encoding: chunked\r\n\r\n"),
                                RawHttp.repeated("{\"code\":\"", "x", 90_000_000, "\"}")),
                        threads))
                .toList();

        for (var attempt : attempts) {
            var response = attempt.join();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.head()).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(response.type()).isEqualTo("too-large");
            assertThat(response.bytesSent()).isLessThan(90_000_000);
        }
        threads.shutdown();
        assertThat(site.exchange("GET", "/api/health", null).status()).isEqualTo(200);
        var share = shares.share().deliver();
        assertThat(client.unlock(share.token(), share.code()).status()).isEqualTo(200);
    }

    @Test
    void declaredOversizedBodyIsRefusedBeforeItIsSent() {
        var response = RawHttp.send(
                "127.0.0.1", publicPort, unlockHead("anything", "Content-Length: 100000000\r\n\r\n"), null);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.type()).isEqualTo("too-large");
        assertThat(response.json().path("detail").asString()).contains("4 KB");
    }

    @Test
    void rateLimitIsCheckedBeforeTheBodyIsRead() {
        for (int i = 0; i < 20; i++) {
            client.unlock("unknown-token", "22222-22222");
        }

        var malformed = site.exchange(
                "POST", "/api/shares/unknown-token/unlock", "{\"code\":", "X-Forwarded-For", clientAddress);

        assertThat(malformed.status()).isEqualTo(429);
        assertThat(malformed.problemType()).isEqualTo("too-many-attempts");
    }

    @Test
    void internalBodyOverItsLimitIs413EvenChunked() {
        var response = RawHttp.send(
                "127.0.0.1",
                internalConnector.localPort(),
                "PUT /internal/shares/" + UUID.randomUUID() + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + ApiTest.SECRET + "\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n",
                RawHttp.repeated("{\"title\":\"t\",\"padding\":[", "\"xxxxxxxx\",", 1_000_000, "1]}"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.type()).isEqualTo("too-large");
    }

    @Test
    void stringOverTheParserLimitIs400() {
        var response = internal.exchange(
                "PUT", "/internal/shares/" + UUID.randomUUID(), "{\"title\":\"" + "x".repeat(50_000) + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("json-limits");
    }

    @Test
    void hugeExpiryAtAnOddShareIdIs4xx() {
        var response = internal.exchange(
                "PUT",
                "/internal/shares/%CC%81%22%E2%80%AE%25/expiry",
                "{\"expiresAt\":\"" + "a".repeat(759_000) + "\"}");

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void textPostgresCannotStoreIs422WithTheField() {
        for (String field : List.of("title", "providerName", "message")) {
            var body = ApiTest.JSON.readTree(shares.share().body());
            ((tools.jackson.databind.node.ObjectNode) body).put(field, "Tax\u0000return");

            var response = internal.exchange("PUT", "/internal/shares/" + UUID.randomUUID(), body.toString());

            assertThat(response.status()).as(field).isEqualTo(422);
            assertThat(response.problemType()).isEqualTo("validation");
            assertThat(response.json().path("errors").get(0).path("field").asString())
                    .isEqualTo(field);
        }
        // a JSON escape no serializer writes: sent as text
        var loneSurrogate = client.session().post("/api/shares/unknown-token/unlock", "{\"code\":\"\\ud800\"}");
        assertThat(loneSurrogate.status()).isEqualTo(422);
    }

    @Test
    void nulInAnUploadedFileNameIsDropped() {
        var share = shares.share()
                .file("re\u0000port\r\n.pdf", "application/pdf", TestShares.PDF)
                .deliver();

        var unlocked = client.unlock(share.token(), share.code());

        assertThat(unlocked.json().path("files").get(0).path("name").asString()).isEqualTo("report.pdf");
    }

    @Test
    void forwardedForFromAPeerThatIsNoTrustedProxyIsIgnored() {
        int throttled = 0;
        for (int i = 0; i < 25; i++) {
            var response = RawHttp.send(
                    "127.0.0.2",
                    publicPort,
                    unlockHead(
                            "unknown-token",
                            "X-Forwarded-For: 203.0.113." + i + "\r\n",
                            "Content-Length: 22\r\n",
                            "Connection: close\r\n\r\n{\"code\":\"22222-22222\"}"),
                    null);
            throttled += response.status() == 429 ? 1 : 0;
        }

        // 20 a minute from one address; a slow run may see a token or two refilled
        assertThat(throttled).isPositive();
    }

    @Test
    void forwardedForFromTheTrustedProxyIsHonoured() {
        for (int i = 0; i < 25; i++) {
            var response = RawHttp.send(
                    "127.0.0.1",
                    publicPort,
                    unlockHead(
                            "unknown-token",
                            "X-Forwarded-For: 203.0.114." + i + "\r\n",
                            "Content-Length: 22\r\n",
                            "Connection: close\r\n\r\n{\"code\":\"22222-22222\"}"),
                    null);
            assertThat(response.status()).isEqualTo(404);
        }
    }

    @Test
    void wildcardContentTypeIs415OnThePublicAndTheInternalApi() {
        var unlock = RawHttp.send(
                "127.0.0.3",
                publicPort,
                "POST /api/shares/unknown-token/unlock HTTP/1.1\r\n"
                        + "Host: localhost\r\nContent-Type: */*\r\nContent-Length: 22\r\nConnection: close\r\n\r\n"
                        + "{\"code\":\"22222-22222\"}",
                null);
        var expiry = RawHttp.send(
                "127.0.0.1",
                internalConnector.localPort(),
                "PUT /internal/shares/" + UUID.randomUUID() + "/expiry HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + ApiTest.SECRET + "\r\nContent-Type: */*\r\nContent-Length: 2\r\n"
                        + "Connection: close\r\n\r\n{}",
                null);

        for (var response : List.of(unlock, expiry)) {
            assertThat(response.status()).isEqualTo(415);
            assertThat(response.type()).isEqualTo("unsupported-media-type");
        }
    }

    @Test
    void oddPathsAndUndecodableQueriesAreProblemJson() {
        var share = shares.share()
                .file("report.pdf", "application/pdf", TestShares.PDF)
                .deliver();
        String fileId = client.unlock(share.token(), share.code())
                .json()
                .path("files")
                .get(0)
                .path("id")
                .asString();
        String[] targets = {
            "/api/shares/%22%3B%20DROP%20TABLE%20shares%3B%20--",
            "/api/shares/%E2%80%AEevil.pdf%E2%80%A8%E2%80%A9/unlock",
            "/api/shares/%20%C2%A0%22%3B",
            "/api/shares/" + share.token() + "/files/" + fileId + "?inline=101&%EF%BB%BF=x%ED%BF%BFy",
            "/api/shares/" + share.token() + "/files/" + fileId + "?inline=a%00b",
        };
        for (String target : targets) {
            var response = RawHttp.send(
                    "127.0.0.3",
                    publicPort,
                    "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Accept: text/html\r\nConnection: close\r\n\r\n",
                    null);

            assertThat(response.status()).as(target).isBetween(400, 499);
            assertThat(response.head()).as(target).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(response.json().has("timestamp")).as(target).isFalse();
        }
    }
}
