package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.web.SecurityHeaders;
import ch.ontrack.web.testing.RangeChecks;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DownloadTest extends ApiTest {

    private String open(TestShares.Delivered share) {
        return UnlockTest.cookieOf(client.unlock(share.token(), share.code()));
    }

    private ApiResponse fetch(TestShares.Delivered share, int file, String cookie, String query) {
        return site.exchange(
                "GET",
                "/api/shares/" + share.token() + "/files/" + share.file(file).id() + query,
                null,
                "Cookie",
                cookie);
    }

    @Test
    void downloadGivesTheSameBytesWithSafeHeaders() {
        byte[] bytes = new byte[2_500_000]; // spans three chunks
        new Random(7).nextBytes(bytes);
        var share = shares.share()
                .file("Jahresabschluss 2025 – Müller \"final\".zip", "application/zip", bytes)
                .deliver();

        var response = fetch(share, 0, open(share), "");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(bytes);
        assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(bytes.length));
        assertThat(response.contentType()).isEqualTo("application/zip");
        assertThat(response.header("Content-Disposition"))
                .startsWith("attachment; filename=\"")
                // the quotes became underscores when the file was stored (ch.ontrack.web.files.FileNames)
                .contains("filename*=UTF-8''Jahresabschluss%202025%20%E2%80%93%20M%C3%BCller%20_final_.zip");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Content-Security-Policy"))
                .isEqualTo(SecurityHeaders.DOWNLOAD_CONTENT_SECURITY_POLICY);
        var events = internal.exchange("GET", "/internal/shares/" + share.id() + "/events", null)
                .json()
                .path("events");
        assertThat(events.get(1).path("type").asString()).isEqualTo("DOWNLOADED");
        assertThat(events.get(1).path("fileId").asString())
                .isEqualTo(share.file(0).id());
    }

    @Test
    void pdfMayBeShownInlineWithoutCountingAsDownload() {
        var share = shares.share().pdf().deliver();

        var response = fetch(share, 0, open(share), "?inline=true");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Disposition")).startsWith("inline;");
        assertThat(response.body()).isEqualTo(TestShares.PDF);
        var events = internal.exchange("GET", "/internal/shares/" + share.id() + "/events", null)
                .json()
                .path("events");
        assertThat(events.size()).isEqualTo(1);
        assertThat(events.get(0).path("type").asString()).isEqualTo("VIEWED");
    }

    @Test
    void htmlAndSvgAreNeverShownInline() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        var share = shares.share()
                .file("page.html", "text/html", html)
                .file("image.svg", "image/svg+xml", svg)
                .file("fake.pdf", "application/pdf", html)
                .deliver();
        String cookie = open(share);

        for (int i = 0; i < 3; i++) {
            var response = fetch(share, i, cookie, "?inline=true");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Disposition")).startsWith("attachment;");
            assertThat(response.header("Content-Security-Policy")).contains("sandbox");
        }
    }

    @Test
    void headRequestsRecordNoDownload() {
        var share = shares.share().pdf().deliver();

        var response = site.exchange(
                "HEAD",
                "/api/shares/" + share.token() + "/files/" + share.file(0).id(),
                null,
                "Cookie",
                open(share));

        assertThat(response.status()).isEqualTo(200);
        var events = internal.exchange("GET", "/internal/shares/" + share.id() + "/events", null)
                .json()
                .path("events");
        assertThat(events.size()).isEqualTo(1);
    }

    @Test
    void unknownFileIsNotFound() {
        var share = shares.share().pdf().deliver();

        var response = site.exchange(
                "GET",
                "/api/shares/" + share.token() + "/files/" + java.util.UUID.randomUUID(),
                null,
                "Cookie",
                open(share));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.problemType()).isEqualTo("not-found");
    }

    @Test
    void downloadNeedsTheShareSession() {
        var share = shares.share().pdf().deliver();

        var response = site.exchange(
                "GET",
                "/api/shares/" + share.token() + "/files/" + share.file(0).id(),
                null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.problemType()).isEqualTo("unlock-required");
    }

    @Test
    void oneByteRangeGivesThatPartSoLargeFilesPreviewAndResume() {
        byte[] bytes = new byte[1_200_000]; // two chunks
        new Random(11).nextBytes(bytes);
        var share = shares.share().file("scans.zip", "application/zip", bytes).deliver();
        String cookie = open(share);
        String path = "/api/shares/" + share.token() + "/files/" + share.file(0).id();

        RangeChecks.assertRangesServed(bytes, headers -> {
            String[] all = java.util.stream.Stream.concat(
                            java.util.stream.Stream.of("Cookie", cookie), java.util.Arrays.stream(headers))
                    .toArray(String[]::new);
            ApiResponse r = site.exchange("GET", path, null, all);
            return new RangeChecks.Answer(r.status(), r.headers(), r.body());
        });
        var events = internal.exchange("GET", "/internal/shares/" + share.id() + "/events", null)
                .json()
                .path("events");
        long downloads = java.util.stream.StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.path("type").asString().equals("DOWNLOADED"))
                .count();
        assertThat(downloads)
                .as("parts that do not start at byte 0 are no new download")
                .isEqualTo(5);
    }
}
