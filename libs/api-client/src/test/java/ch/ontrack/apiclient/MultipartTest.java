package ch.ontrack.apiclient;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.RecordingServer.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The form body as the server receives it. */
class MultipartTest {

    @TempDir
    Path dir;

    private RecordingServer server;
    private ApiSession session;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer(null, r -> Answer.json(201, "{}"));
        session = ApiSession.to(server.url("127.0.0.1"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void writesFieldsAndFilesBetweenBoundaries() {
        Multipart form = new Multipart()
                .field("title", "Payslips")
                .file("file", "März.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));

        session.upload("/api/documents/1/files", form);

        String contentType = server.last().header("Content-Type");
        assertThat(contentType).startsWith("multipart/form-data; boundary=");
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        assertThat(new String(server.last().body(), StandardCharsets.UTF_8))
                .isEqualTo("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nPayslips\r\n"
                        + "--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"März.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n"
                        + "--" + boundary + "--\r\n");
        assertThat(form.contentLength()).isEqualTo(server.last().body().length);
    }

    @Test
    void streamsAFileFromDisk() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024];
        new java.util.Random(7).nextBytes(content);
        Path file = Files.write(dir.resolve("big.bin"), content);

        Multipart form = new Multipart().file("file", "big.bin", "application/octet-stream", file);
        session.upload("/api/documents/1/files", form);

        byte[] body = server.last().body();
        assertThat(body.length).isEqualTo(form.contentLength());
        int start = server.last().text().indexOf("\r\n\r\n") + 4;
        assertThat(java.util.Arrays.copyOfRange(body, start, start + content.length))
                .isEqualTo(content);
    }

    @Test
    void streamsAFileOfKnownLengthFromAnyStream() {
        byte[] content = "generated while sent".getBytes(StandardCharsets.US_ASCII);

        Multipart form = new Multipart()
                .file("file", "g.txt", "text/plain", content.length, () -> new java.io.ByteArrayInputStream(content));
        session.upload("/api/documents/1/files", form);

        assertThat(server.last().header("Content-Length")).isEqualTo(String.valueOf(form.contentLength()));
        assertThat(server.last().text()).contains("\r\n\r\ngenerated while sent\r\n--");
    }

    @Test
    void encodesQuotesAndLineBreaksInNamesAsBrowsersDo() {
        assertThat(Multipart.escape("a\"b\r\nc.pdf")).isEqualTo("a%22b%0D%0Ac.pdf");
    }
}
