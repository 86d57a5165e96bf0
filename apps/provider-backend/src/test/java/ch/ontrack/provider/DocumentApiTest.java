package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.web.SecurityHeaders;
import ch.ontrack.web.testing.RangeChecks;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DocumentApiTest extends ApiTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void documentsAreCreatedReadUpdatedAndDeleted() {
        ApiSession browser = signedIn();
        var created = browser.post("/api/documents", TestData.document("Tax return 2025"))
                .expect(201);
        UUID id = created.id();
        assertThat(JsonPath.<List<?>>read(created.text(), "$.files")).isEmpty();

        browser.put("/api/documents/" + id, Map.of("title", "Tax return 2025 (final)", "message", ""))
                .expect(200);
        assertThat(JsonPath.<String>read(
                        browser.get("/api/documents/" + id).expect(200).text(), "$.title"))
                .isEqualTo("Tax return 2025 (final)");

        browser.delete("/api/documents/" + id).expect(204);
        browser.get("/api/documents/" + id).expect(404);
    }

    @Test
    void listIsNewestFirstInKeysetPages() {
        ApiSession browser = signedIn();
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(browser.post("/api/documents", TestData.document("Document " + i))
                    .expect(201)
                    .id());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = browser.get("/api/documents?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200);
            seen.addAll(JsonPath.<List<String>>read(page.text(), "$.items[*].id"));
            cursor = JsonPath.read(page.text(), "$.nextCursor");
        } while (cursor != null);
        java.util.Collections.reverse(created);
        assertThat(seen)
                .containsExactlyElementsOf(created.stream().map(UUID::toString).toList());
    }

    @Test
    void invalidCursorIs400() {
        assertThat(signedIn().get("/api/documents?cursor=garbage").expect(400).problemType())
                .isEqualTo("invalid-cursor");
    }

    @Test
    void missingTitleIs422() {
        assertThat(signedIn()
                        .post("/api/documents", Map.of("message", "hi"))
                        .expect(422)
                        .problemType())
                .isEqualTo("validation");
    }

    @Test
    void uploadedFileDownloadsAsTheSameBytesAsAnAttachment() {
        ApiSession browser = signedIn();
        UUID document = browser.post("/api/documents", TestData.document("Payslips"))
                .expect(201)
                .id();
        byte[] content = new byte[FileSizes.MORE_THAN_ONE_CHUNK];
        System.arraycopy(PDF, 0, content, 0, PDF.length);
        var file = browser.upload(
                        "/api/documents/" + document + "/files",
                        "../../etc/Lohn\u202Eabc.pdf",
                        "application/pdf",
                        content)
                .expect(201);
        assertThat(JsonPath.<String>read(file.text(), "$.name")).isEqualTo("Lohnabc.pdf");
        assertThat(JsonPath.<String>read(file.text(), "$.contentType")).isEqualTo("application/pdf");

        var download = browser.get("/api/documents/" + document + "/files/" + file.id())
                .expect(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.header("Content-Disposition"))
                .startsWith("attachment")
                .contains("Lohnabc.pdf");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Security-Policy"))
                .isEqualTo(SecurityHeaders.DOWNLOAD_CONTENT_SECURITY_POLICY);
        assertThat(JsonPath.<List<String>>read(
                        browser.get("/api/documents/" + document).text(), "$.files[*].id"))
                .containsExactly(file.id().toString());
        assertThat(JsonPath.<List<String>>read(browser.get("/api/documents").text(), "$.items[0].files[*].name"))
                .containsExactly("Lohnabc.pdf");

        browser.delete("/api/documents/" + document + "/files/" + file.id()).expect(204);
        browser.get("/api/documents/" + document + "/files/" + file.id()).expect(404);
    }

    @Test
    void oversizedFileIs413() {
        ApiSession browser = signedIn();
        UUID document = browser.post("/api/documents", TestData.document("Big"))
                .expect(201)
                .id();
        byte[] content = new byte[FileSizes.OVER_FILE_LIMIT];
        System.arraycopy(PDF, 0, content, 0, PDF.length);
        var response = browser.upload("/api/documents/" + document + "/files", "big.pdf", "application/pdf", content)
                .expect(413);
        assertThat(response.problemType()).isEqualTo("too-large");
    }

    @Test
    void documentOverItsTotalLimitIs413() {
        ApiSession browser = signedIn();
        UUID document = browser.post("/api/documents", TestData.document("Many"))
                .expect(201)
                .id();
        byte[] content = new byte[FileSizes.MORE_THAN_ONE_CHUNK];
        System.arraycopy(PDF, 0, content, 0, PDF.length);
        String path = "/api/documents/" + document + "/files";
        browser.upload(path, "one.pdf", "application/pdf", content).expect(201);
        browser.upload(path, "two.pdf", "application/pdf", content).expect(201);
        assertThat(browser.upload(path, "three.pdf", "application/pdf", content)
                        .expect(413)
                        .problemType())
                .isEqualTo("too-large");
    }

    @Test
    void htmlDeclaredAsPdfIs415() {
        ApiSession browser = signedIn();
        UUID document = browser.post("/api/documents", TestData.document("Sneaky"))
                .expect(201)
                .id();
        byte[] html =
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        var response = browser.upload("/api/documents/" + document + "/files", "invoice.pdf", "application/pdf", html)
                .expect(415);
        assertThat(response.problemType()).isEqualTo("unsupported-file-type");
    }

    @Test
    void svgAndExecutablesAre415() {
        ApiSession browser = signedIn();
        UUID document = browser.post("/api/documents", TestData.document("Sneaky"))
                .expect(201)
                .id();
        String path = "/api/documents/" + document + "/files";
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        browser.upload(path, "logo.png", "image/png", svg).expect(415);
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        browser.upload(path, "setup.pdf", "application/pdf", exe).expect(415);
    }

    @Test
    void plainTextAndCsvAreAccepted() {
        ApiSession browser = signedIn();
        UUID document = browser.post("/api/documents", TestData.document("Data"))
                .expect(201)
                .id();
        String path = "/api/documents/" + document + "/files";
        var csv = browser.upload(
                        path,
                        "accounts.csv",
                        "text/csv",
                        "date;amount\n2025-01-01;100\n".getBytes(StandardCharsets.UTF_8))
                .expect(201);
        assertThat(JsonPath.<String>read(csv.text(), "$.contentType")).isEqualTo("text/csv");
        browser.upload(path, "notes.txt", "text/plain", "Hello".getBytes(StandardCharsets.UTF_8))
                .expect(201);
    }

    @Test
    void officeDocumentsAndZipAreAcceptedScriptsAreNot() throws Exception {
        ApiSession browser = signedIn();
        UUID document = browser.post("/api/documents", TestData.document("Office"))
                .expect(201)
                .id();
        String path = "/api/documents/" + document + "/files";
        var docx = browser.upload(path, "report.docx", "application/octet-stream", zip("word/document.xml"))
                .expect(201);
        assertThat(JsonPath.<String>read(docx.text(), "$.contentType"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(JsonPath.<String>read(
                        browser.upload(path, "archive.zip", "application/zip", zip("a.txt"))
                                .expect(201)
                                .text(),
                        "$.contentType"))
                .isEqualTo("application/zip");
        byte[] script = "#!/bin/sh\nrm -rf ~\n".getBytes(StandardCharsets.UTF_8);
        browser.upload(path, "notes.txt", "text/plain", script).expect(415);
    }

    private static byte[] zip(String entry) throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(entry));
            zip.write("content".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void uploadThatIsNotMultipartIs415() {
        ApiSession browser = signedIn();
        UUID document = browser.post("/api/documents", TestData.document("Empty"))
                .expect(201)
                .id();
        browser.post("/api/documents/" + document + "/files", Map.of()).expect(415);
    }

    /** Sizes against the test limits (2 MB per file, 4 MB per document) and the 1 MiB chunks. */
    static final class FileSizes {
        static final int MORE_THAN_ONE_CHUNK = 3 * 1024 * 1024 / 2;
        static final int OVER_FILE_LIMIT = 2 * 1024 * 1024 + 100_000;
    }

    @Test
    void downloadsAnswerOneByteRangeSoLargeFilesPreviewAndResume() {
        ApiSession browser = signedIn();
        UUID document = browser.post("/api/documents", TestData.document("Scans"))
                .expect(201)
                .id();
        byte[] bytes = new byte[1_200_000]; // two chunks
        new java.util.Random(3).nextBytes(bytes);
        System.arraycopy(PDF, 0, bytes, 0, PDF.length);
        UUID file = browser.upload("/api/documents/" + document + "/files", "scans.pdf", "application/pdf", bytes)
                .expect(201)
                .id();
        String path = "/api/documents/" + document + "/files/" + file;

        RangeChecks.assertRangesServed(bytes, headers -> {
            ApiResponse r = browser.get(path, headers);
            return new RangeChecks.Answer(r.status(), r.headers(), r.body());
        });
    }
}
