package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.web.testing.RawHttp;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Oversized, chunked, unstorable and malformed input: 4xx problem+json, never a 500. */
class HostileInputTest extends ApiTest {

    @Test
    void chunkedJsonOverTheLimitIs413() {
        ApiSession browser = signedIn();

        var response = RawHttp.send(
                "127.0.0.1",
                port,
                "POST /api/documents HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                        + "Cookie: __Host-oc-session=" + browser.cookie("__Host-oc-session")
                        + "; XSRF-TOKEN=" + browser.cookie("XSRF-TOKEN") + "\r\n"
                        + "X-XSRF-TOKEN: " + browser.cookie("XSRF-TOKEN") + "\r\n\r\n",
                // 10 MB in a field nobody reads
                RawHttp.repeated(
                        "{\"title\":\"t\",\"message\":\"m\",\"padding\":[", "\"xxxxxxxx\",", 1_000_000, "1]}"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.type()).isEqualTo("too-large");
        assertThat(response.bytesSent()).isLessThan(10_000_000);
        assertThat(JsonPath.<List<?>>read(
                        browser.get("/api/documents").expect(200).text(), "$.items"))
                .isEmpty();
    }

    @Test
    void textPostgresCannotStoreIs422WithTheField() {
        ApiSession browser = signedIn();

        var client = browser.post("/api/clients", Map.of("name", "Anna\u0000Muster", "email", "anna@example.ch"))
                .expect(422);
        var title = browser.post("/api/documents", Map.of("title", "Tax\u0000", "message", ""))
                .expect(422);
        var message = browser.post("/api/documents", Map.of("title", "Tax", "message", "\u0000"))
                .expect(422);
        var surrogate = browser.post("/api/clients", "{\"name\":\"Anna \\udc00\",\"email\":\"anna@example.ch\"}")
                .expect(422);

        assertThat(client.problemType()).isEqualTo("validation");
        assertThat(JsonPath.<String>read(client.text(), "$.errors[0].field")).isEqualTo("name");
        assertThat(JsonPath.<String>read(title.text(), "$.errors[0].field")).isEqualTo("title");
        assertThat(JsonPath.<String>read(message.text(), "$.errors[0].field")).isEqualTo("message");
        assertThat(JsonPath.<String>read(surrogate.text(), "$.errors[0].field")).isEqualTo("name");
    }

    @Test
    void nulInTheSignInEMailIs422() {
        ApiSession browser = browser();
        browser.get("/api/auth/csrf");

        var response = browser.post("/api/auth/login", Map.of("email", "a\u0000@example.ch", "password", "x"));

        assertThat(response.status()).isEqualTo(422);
    }

    @Test
    void malformedMultipartIs400() {
        ApiSession browser = signedIn();
        String files = "/api/documents/"
                + browser.post("/api/documents", TestData.document("Scans"))
                        .expect(201)
                        .id() + "/files";
        String boundary = "b" + UUID.randomUUID();
        byte[] truncated = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 half a file")
                .getBytes(StandardCharsets.UTF_8);

        var cut = browser.sendBytes(
                "POST", files, truncated, "Content-Type", "multipart/form-data; boundary=" + boundary);
        var noBoundary = browser.sendBytes("POST", files, truncated, "Content-Type", "multipart/form-data");

        assertThat(cut.status()).isEqualTo(400);
        assertThat(cut.problemType()).isEqualTo("malformed-multipart");
        assertThat(noBoundary.status()).isEqualTo(400);
        assertThat(noBoundary.problemType()).isIn("malformed-multipart", "bad-request");
    }

    @Test
    void controlCharactersInAnEncodedFileNameAreNoServerError() {
        ApiSession browser = signedIn();
        String files = "/api/documents/"
                + browser.post("/api/documents", TestData.document("Scans"))
                        .expect(201)
                        .id() + "/files";
        for (String encoded : List.of("re%00port.pdf", "re%0D%0Aport.pdf", "%ED%A0%80.pdf", "%E2%80%AEfdp.exe")) {
            String boundary = "b" + UUID.randomUUID();
            byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''"
                            + encoded + "\r\nContent-Type: application/pdf\r\n\r\n"
                            + new String(DocumentApiTest.PDF, StandardCharsets.US_ASCII) + "\r\n--" + boundary
                            + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8);

            var response =
                    browser.sendBytes("POST", files, body, "Content-Type", "multipart/form-data; boundary=" + boundary);

            assertThat(response.status()).as(encoded).isIn(201, 400);
            if (response.status() == 201) {
                assertThat(JsonPath.<String>read(response.text(), "$.name"))
                        .as(encoded)
                        .doesNotContain("\u0000", "\r", "\n", "\u202e");
            } else {
                assertThat(response.problemType()).isEqualTo("malformed-multipart");
            }
        }
    }

    @Test
    void cursorsThisApiNeverHandedOutAre400() {
        ApiSession browser = signedIn();
        for (String cursor : List.of(
                "1",
                "AAAA",
                "LTk5OTk5OTk5OTk5OTk5OTk5OjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA",
                "OTIyMzM3MjAzNjg1NDc3NTgwNzowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA")) {
            var response = browser.get("/api/documents?cursor=" + cursor);

            assertThat(response.status()).as(cursor).isEqualTo(400);
            assertThat(response.problemType()).isEqualTo("invalid-cursor");
        }
    }

    @Test
    void wildcardContentTypeIs415() {
        ApiSession browser = signedIn();

        byte[] body = "{\"title\":\"t\",\"message\":\"m\"}".getBytes(StandardCharsets.UTF_8);
        var id = browser.post("/api/documents", TestData.document("Scans"))
                .expect(201)
                .id();

        var post = browser.sendBytes("POST", "/api/documents", body, "Content-Type", "*/*");
        var put = browser.sendBytes("PUT", "/api/documents/" + id, body, "Content-Type", "*/*");

        assertThat(post.status()).isEqualTo(415);
        assertThat(post.problemType()).isEqualTo("unsupported-media-type");
        assertThat(put.status()).isEqualTo(415);
        assertThat(put.problemType()).isEqualTo("unsupported-media-type");
    }

    @Test
    void pathsTheFirewallRejectsAreProblemJson() {
        ApiSession browser = signedIn();

        var response = browser.delete("/api/documents/..%2F..%2Fetc%2Fpasswd");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("bad-request");
    }

    @Test
    void queryStringsThatAreNotUtf8Are400() {
        ApiSession browser = signedIn();

        var list = browser.get("/api/documents?limit=0&%22%3B=%1F%ED%A0%80a%00");
        var cursor = browser.get("/api/documents?cursor=x%ED%B0%80y");
        for (var response : List.of(list, cursor)) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.problemType()).isEqualTo("invalid-parameter");
        }
    }
}
