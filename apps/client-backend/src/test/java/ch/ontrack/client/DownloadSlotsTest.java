package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.web.testing.PrometheusScrape;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Downloads stream with a bounded number at once (DOWNLOAD_MAX_CONCURRENT, 8 by default), so a rate the
 * machine cannot serve gets quick 503s instead of running the heap out. Readers that stop reading hold their
 * slots; the next download waits, then gets 503 problem+json with Retry-After, and once they go it is served.
 */
class DownloadSlotsTest extends ApiTest {

    private static final int SLOTS = 8;

    @Test
    void downloadsBeyondTheSlotsAre503WithRetryAfterWhileOtherReadsGoOn() throws IOException {
        byte[] bytes = new byte[3_000_000]; // far more than the socket buffers of a reader that does not read
        new Random(3).nextBytes(bytes);
        var share = shares.share().file("scans.zip", "application/zip", bytes).deliver();
        String cookie = UnlockTest.cookieOf(client.unlock(share.token(), share.code()));
        String path = "/api/shares/" + share.token() + "/files/" + share.file(0).id();
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < SLOTS; i++) {
                stalled.add(startDownload(path, cookie));
            }
            waitUntilDownloading(SLOTS);

            var next = site.exchange("GET", path, null, "Cookie", cookie);
            var document = site.exchange("GET", "/api/shares/" + share.token() + "/document", null, "Cookie", cookie);
            var head = site.exchange("HEAD", path, null, "Cookie", cookie);

            assertThat(next.status()).isEqualTo(503);
            assertThat(next.contentType()).isEqualTo("application/problem+json");
            assertThat(next.problemType()).isEqualTo("downloads-busy");
            assertThat(next.header("Retry-After")).isEqualTo("1");
            assertThat(next.json().path("retryAfterSeconds").asInt()).isEqualTo(1);
            assertThat(next.header("Content-Disposition"))
                    .as("no half-made download answer")
                    .isNull();
            assertThat(document.status()).isEqualTo(200);
            assertThat(head.status())
                    .as("HEAD sends no bytes and needs no slot")
                    .isEqualTo(200);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        waitUntilDownloading(0);
        var after = site.exchange("GET", path, null, "Cookie", cookie);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(bytes);
    }

    /** Sends the request with a tiny receive window and never reads the answer. */
    private Socket startDownload(String path, String cookie) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", publicPort));
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private void waitUntilDownloading(int count) {
        for (int i = 0; i < 400; i++) {
            double running = PrometheusScrape.of("http://localhost:" + managementPort + "/actuator/prometheus")
                    .sum("oc_downloads_in_progress");
            if (running == count) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not " + count + " downloads streaming after 20 s");
    }
}
