package ch.ontrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.web.testing.RawHttp;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The shared mechanism in a real Tomcat: limits per path, chunked or not, and trusted proxies. */
@SpringBootTest(
        classes = BoundedRequestsTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.forward-headers-strategy=native",
            "oc.request.max-body-size=1KB",
            "oc.request.paths[0].pattern=/raw",
            "oc.request.paths[0].max-body-size=64KB",
            "oc.request.json.max-string-length=500",
            "oc.forwarded.trusted-proxies=127.0.0.1"
        })
class BoundedRequestsTest {

    // no component scan: only this controller and what the auto-configuration brings
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class App {
        record Note(String text) {}

        @PostMapping("/json")
        Note json(@RequestBody Note note) {
            return note;
        }

        @PostMapping("/raw")
        Map<String, Long> raw(HttpServletRequest request) throws IOException {
            return Map.of("read", request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream()));
        }

        @GetMapping("/search")
        Map<String, String> search(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String q) {
            return Map.of("q", q);
        }

        /** Reads a parameter before any controller, as a CSRF filter does. */
        @org.springframework.context.annotation.Bean
        jakarta.servlet.Filter parameterReadingFilter() {
            return (request, response, chain) -> {
                if (((HttpServletRequest) request).getRequestURI().equals("/filtered")) {
                    request.getParameter("token");
                }
                chain.doFilter(request, response);
            };
        }

        @GetMapping("/refused")
        void refused(jakarta.servlet.http.HttpServletResponse response) throws IOException {
            response.sendError(400); // as a filter or a firewall does
        }

        @GetMapping("/address")
        Map<String, String> address(HttpServletRequest request) {
            return Map.of("address", request.getRemoteAddr());
        }
    }

    @LocalServerPort
    int port;

    private RawHttp.Response post(String path, String headers, java.io.InputStream chunked) {
        return RawHttp.send(
                "127.0.0.1",
                port,
                "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + "Content-Type: application/json\r\n" + headers
                        + "\r\n",
                chunked);
    }

    @Test
    void chunkedBodyOverTheLimitIs413ProblemJson() {
        var response =
                post("/json", "Transfer-Encoding: chunked\r\n", RawHttp.repeated("{\"text\":\"x\"", " ", 100_000, "}"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.head()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response.type()).isEqualTo("too-large");
        assertThat(response.json().path("detail").asString()).contains("1 KB");
    }

    @Test
    void declaredLengthOverTheLimitIsRefusedBeforeReading() {
        var response = post("/json", "Content-Length: 5000000\r\n", null);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.type()).isEqualTo("too-large");
    }

    @Test
    void bodiesWithinTheLimitAreRead() {
        var json = post("/json", "Transfer-Encoding: chunked\r\n", RawHttp.repeated("{\"text\":\"", "x", 400, "\"}"));
        var raw = post("/raw", "Transfer-Encoding: chunked\r\n", RawHttp.repeated("", "x", 60_000, ""));

        assertThat(json.status()).isEqualTo(200);
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.json().path("read").asLong()).isEqualTo(60_000);
    }

    @Test
    void rawReadOverThePathLimitIs413() {
        var raw = post("/raw", "Transfer-Encoding: chunked\r\n", RawHttp.repeated("", "x", 100_000, ""));

        assertThat(raw.status()).isEqualTo(413);
        assertThat(raw.json().path("detail").asString()).contains("64 KB");
    }

    private RawHttp.Response post(String json) {
        return RawHttp.send(
                "127.0.0.1",
                port,
                "POST /json HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: "
                        + json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                        + "\r\nConnection: close\r\n\r\n" + json,
                null);
    }

    @Test
    void overlongStringsDeepNestingAndUnstorableTextAreClientErrors() {
        var overlong = post("{\"text\":\"" + "y".repeat(600) + "\"}");
        var deep = post("{\"text\":\"a\",\"x\":" + "[".repeat(20) + "]".repeat(20) + "}");
        var unstorable = post("{\"text\":\"a\\u0000b\"}");

        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.type()).isEqualTo("json-limits");
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.type()).isEqualTo("json-limits");
        assertThat(unstorable.status()).isEqualTo(422);
        assertThat(unstorable.json().path("errors").get(0).path("field").asString())
                .isEqualTo("text");
    }

    @Test
    void wildcardContentTypeIs415() {
        var response = RawHttp.send(
                "127.0.0.1",
                port,
                "POST /json HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: */*\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
                null);

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.type()).isEqualTo("unsupported-media-type");
    }

    @Test
    void errorsTomcatAnswersItselfAreProblemJson() {
        var response = RawHttp.send(
                "127.0.0.1", port, "GET /a%2F..%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.head()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response.type()).isEqualTo("bad-request");
    }

    @Test
    void errorsSentToTheErrorPageAreProblemJsonWhateverTheClientAccepts() {
        for (String accept : new String[] {"text/html", "application/json", "*/*"}) {
            var response = RawHttp.send(
                    "127.0.0.1",
                    port,
                    "GET /refused HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\nConnection: close\r\n\r\n",
                    null);

            assertThat(response.status()).as(accept).isEqualTo(400);
            assertThat(response.head()).as(accept).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(response.type()).as(accept).isEqualTo("bad-request");
            assertThat(response.json().has("timestamp")).as(accept).isFalse();
        }
        var direct = RawHttp.send(
                "127.0.0.1",
                port,
                "POST /error HTTP/1.1\r\nHost: localhost\r\n" + "Content-Length: 0\r\nConnection: close\r\n\r\n",
                null);
        assertThat(direct.status()).isEqualTo(404);
        assertThat(direct.type()).isEqualTo("not-found");
    }

    @Test
    void queryStringsThatAreNotUtf8Are400WhereverTheyAreRead() {
        for (String target :
                new String[] {"/search?q=%ED%A0%80", "/search?a=1&%EF%BB%BF=x%ED%BF%BFy", "/filtered?token=%C3"}) {
            var response = RawHttp.send(
                    "127.0.0.1",
                    port,
                    "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                    null);

            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.head()).as(target).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(response.type()).as(target).isEqualTo("invalid-parameter");
        }
    }

    @Test
    void forwardedForCountsOnlyFromATrustedProxy() {
        String get =
                "GET /address HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.9\r\nConnection: close\r\n\r\n";

        var trusted = RawHttp.send("127.0.0.1", port, get, null);
        var stranger = RawHttp.send("127.0.0.3", port, get, null);

        assertThat(trusted.json().path("address").asString()).isEqualTo("203.0.113.9");
        assertThat(stranger.json().path("address").asString()).isEqualTo("127.0.0.3");
    }
}
