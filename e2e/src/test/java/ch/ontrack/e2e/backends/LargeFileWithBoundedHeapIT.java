package ch.ontrack.e2e.backends;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.apiclient.Multipart;
import ch.ontrack.apiclient.ProviderApi;
import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A file four times larger than each backend's heap goes up to the provider backend, over to the
 * client backend and down to the client intact: both stream with bounded memory, or they run out.
 */
class LargeFileWithBoundedHeapIT {

    private static final int HEAP_MB = 128;
    private static final long FILE_SIZE = 4L * HEAP_MB * 1024 * 1024;
    private static LocalPlatform platform;
    private static Path dataDir;

    @BeforeAll
    static void startPlatformWithSmallHeaps() throws Exception {
        dataDir = Files.createTempDirectory("oc-e2e-heap-");
        LaunchOptions options = LaunchOptions.forTests(SharedPlatform.repoRoot(), dataDir);
        for (String backend : LocalTopology.BACKENDS) {
            options = options.withJvmOptions(backend, "-Xmx" + HEAP_MB + "m")
                    .withEnv(backend, "UPLOAD_MAX_FILE_SIZE", "1GB")
                    .withEnv(backend, "UPLOAD_MAX_DOCUMENT_SIZE", "1GB");
        }
        platform = LocalPlatform.start(options);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aFileFourTimesTheHeapGoesUpAndDownIntact() throws Exception {
        ProviderApi provider = SharedPlatform.providerApi(platform);
        Sharing sharing = Sharing.prepare(provider, platform);

        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        Multipart form = new Multipart()
                .file(
                        "file",
                        "big.pdf",
                        "application/pdf",
                        FILE_SIZE,
                        () -> new DigestInputStream(new PdfLikeStream(FILE_SIZE), sent));
        ApiResponse upload = provider.session().upload("/api/documents/" + sharing.documentId() + "/files", form);
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        assertThat(upload.json().get("size").asLong()).isEqualTo(FILE_SIZE);

        Sharing.Sent share = sharing.send();
        assertThat(share.status()).isEqualTo("DELIVERED");

        ClientApi client = SharedPlatform.clientApi(platform);
        String token = share.token();
        ApiResponse unlocked = client.unlock(token, share.code());
        assertThat(unlocked.status()).isEqualTo(200);
        JsonNode big = null;
        for (JsonNode file : unlocked.json().get("files")) {
            if (file.get("name").asString().equals("big.pdf")) {
                big = file;
            }
        }
        assertThat(big).isNotNull();
        HttpResponse<InputStream> download =
                client.download(token, big.get("id").asString());
        assertThat(download.statusCode()).isEqualTo(200);
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long length = 0;
        try (InputStream in = download.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.update(buffer, 0, n);
                length += n;
            }
        }
        assertThat(length).isEqualTo(FILE_SIZE);
        assertThat(HexFormat.of().formatHex(received.digest()))
                .isEqualTo(HexFormat.of().formatHex(sent.digest()));
        for (String backend : List.of(LocalTopology.PROVIDER_BACKEND, LocalTopology.CLIENT_BACKEND)) {
            assertThat(platform.processes().get(backend))
                    .as(backend + " still running")
                    .isNotEmpty()
                    .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                            .hasValue(true));
        }
    }

    /** {@code size} bytes that start like a PDF (so the type check accepts it), then pseudo-random. */
    static final class PdfLikeStream extends InputStream {
        private static final byte[] MAGIC = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private long position;
        private long state = 0x9E3779B97F4A7C15L;

        PdfLikeStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            int b = position < MAGIC.length ? MAGIC[(int) position] : next();
            position++;
            return b & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }

        private int next() {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            return (int) state;
        }
    }
}
