package ch.ontrack.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.apiclient.CaTrust;
import ch.ontrack.apiclient.Multipart;
import ch.ontrack.apiclient.ProviderApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A backend container stopped the way Kubernetes stops it (preStop sleep, SIGTERM, SIGKILL after the grace period)
 * exits within the grace period and loses nothing: a pending delivery resumes, an interrupted upload is never
 * half-stored.
 */
class GracefulStopIT {

    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static ContainerPlatform platform;

    @BeforeAll
    static void start() {
        platform = SharedContainers.get();
    }

    @Test
    void aDeliveryPendingWhileBothBackendsRestartArrives() throws Exception {
        ProviderApi provider = signedUp();
        String clientId = provider.createClient("Alex", "alex-" + UUID.randomUUID() + "@example.com")
                .get("id")
                .asString();
        String documentId = provider.createDocument("Accounts", "").get("id").asString();
        provider.uploadFile(documentId, "a.pdf", "application/pdf", PDF);

        stopGracefully("client-backend");
        JsonNode sent = provider.share(documentId, clientId, Instant.now().plus(7, ChronoUnit.DAYS));
        String shareId = sent.get("id").asString();
        assertThat(sent.get("status").asString()).isEqualTo("PENDING_DELIVERY");
        stopGracefully("provider-backend"); // with the delivery in its outbox
        restart("provider-backend");
        restart("client-backend");

        assertThat(awaitStatus(provider, shareId, "DELIVERED", Duration.ofSeconds(90)))
                .isEqualTo("DELIVERED");
    }

    @Test
    void anUploadInterruptedByAStopIsNeverHalfStored() throws Exception {
        ProviderApi provider = signedUp();
        String documentId = provider.createDocument("Large", "").get("id").asString();
        int size = 20 * 1024 * 1024;
        AtomicLong sent = new AtomicLong();
        CompletableFuture<ApiResponse> upload = slowUpload(provider, documentId, size, sent);
        while (sent.get() < 1024 * 1024 && !upload.isDone()) {
            Thread.sleep(100);
        }
        stopGracefully("provider-backend");
        int status;
        try {
            status = upload.get().status();
        } catch (Exception e) {
            status = -1; // the connection was closed: refused
        }
        restart("provider-backend");

        JsonNode files = provider.get("/api/documents/" + documentId).get("files");
        if (status == 201) { // finished within the grace period: stored whole
            assertThat(files).hasSize(1);
            assertThat(files.get(0).get("size").asLong()).isEqualTo(size);
        } else {
            assertThat(files).as("after an upload answered " + status).isEmpty();
        }
    }

    private static void stopGracefully(String app) {
        Pod pod = platform.pod(app);
        Pod.Stopped stopped = pod.stop();
        assertThat(stopped.killed())
                .as(app + " killed after its grace period; log:\n" + pod.logs())
                .isFalse();
        assertThat(stopped.took())
                .as(app + " stop")
                .isLessThan(Duration.ofSeconds(pod.plan().terminationGracePeriodSeconds()));
    }

    private static void restart(String app) {
        platform.startContainer(app, platform.freshPlan(app)).awaitReady();
    }

    private static ProviderApi signedUp() {
        ProviderApi provider = new ProviderApi(ApiSession.builder(platform.siteUrl("provider"))
                .tls(CaTrust.only(platform.caCertificate()))
                .build());
        provider.signup("stop-" + UUID.randomUUID() + "@example.com", "a long enough passphrase", "Stop Test");
        return provider;
    }

    private static String awaitStatus(ProviderApi provider, String shareId, String status, Duration patience)
            throws InterruptedException {
        Instant end = Instant.now().plus(patience);
        String now = "";
        while (Instant.now().isBefore(end)
                && !(now = provider.get("/api/shares/" + shareId).get("status").asString()).equals(status)) {
            Thread.sleep(1000);
        }
        return now;
    }

    /** A multipart upload that sends 64 KiB every 50 ms, counting what it sent. */
    private static CompletableFuture<ApiResponse> slowUpload(
            ProviderApi provider, String documentId, int size, AtomicLong sent) {
        Multipart form =
                new Multipart().file("file", "large.pdf", "application/pdf", size, () -> new SlowPdf(size, sent));
        return CompletableFuture.supplyAsync(
                () -> provider.session().upload("/api/documents/" + documentId + "/files", form));
    }

    /** {@code size} bytes that start like a PDF, read 64 KiB per 50 ms. */
    private static final class SlowPdf extends InputStream {
        private static final byte[] MAGIC = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private final AtomicLong sent;
        private long position;
        private long chunkLeft;

        SlowPdf(long size, AtomicLong sent) {
            this.size = size;
            this.sent = sent;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= size) {
                return -1;
            }
            if (chunkLeft == 0) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("upload interrupted");
                }
                chunkLeft = 65536;
            }
            int n = (int) Math.min(Math.min(length, chunkLeft), size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = position + i < MAGIC.length ? MAGIC[(int) (position + i)] : 0;
            }
            position += n;
            chunkLeft -= n;
            sent.addAndGet(n);
            return n;
        }
    }
}
