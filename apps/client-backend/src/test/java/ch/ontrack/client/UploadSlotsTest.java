package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Uploads hold a pooled connection while their bytes arrive; slow ones must not take the pool from
 * readers. Four (UPLOAD_MAX_CONCURRENT's default) stream at once, the next waits and gets 503.
 */
class UploadSlotsTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void slowUploadsBeyondTheSlotsAre503WhileReadsGoOn() throws IOException {
        var ready = shares.share().pdf().deliver();
        List<String> stalledShares = List.of(id(), id(), id(), id());
        List<Socket> stalled = new ArrayList<>();
        try {
            for (String shareId : stalledShares) {
                stalled.add(startUpload(shareId, "f"));
            }
            waitUntilUploading(4);

            var fifth = shares.putFile(id(), "f", "a.pdf", "application/pdf", TestShares.PDF);
            var read = client.unlock(ready.token(), ready.code());

            assertThat(fifth.status()).isEqualTo(503);
            assertThat(fifth.problemType()).isEqualTo("uploads-busy");
            assertThat(read.status()).isEqualTo(200);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        waitUntilUploading(0);
        var after = shares.putFile(id(), "f", "a.pdf", "application/pdf", TestShares.PDF);
        assertThat(after.status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from files where share_id in (?, ?, ?, ?)")
                        .params(stalledShares)
                        .query(Long.class)
                        .single())
                .as("aborted uploads leave nothing")
                .isZero();
    }

    /** Sends the head and the first bytes of a 2 MB file, then stalls. */
    private Socket startUpload(String shareId, String fileId) throws IOException {
        Socket socket = new Socket("127.0.0.1", internalConnector.localPort());
        OutputStream out = socket.getOutputStream();
        out.write(("PUT /internal/shares/" + shareId + "/files/" + fileId + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + ApiTest.SECRET + "\r\nContent-Type: application/pdf\r\n"
                        + "X-File-Name: slow.pdf\r\nContent-Length: 2000000\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[1000]);
        out.flush();
        return socket;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    /** Waits until the database shows that many upload transactions (each holds its share's advisory lock). */
    private void waitUntilUploading(int count) {
        for (int i = 0; i < 400; i++) {
            long running = jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and granted")
                    .query(Long.class)
                    .single();
            if (running == count) {
                return;
            }
            sleep();
        }
        throw new AssertionError("not " + count + " uploads running after 20 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
