package ch.ontrack.e2e.backends;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.launcher.demo.ProviderApi;
import ch.ontrack.launcher.pki.LocalCaTrust;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file four times larger than each backend's heap goes up to the provider backend, over to the
 * client backend and down to the client intact: both stream with bounded memory, or they run out.
 */
class LargeFileWithBoundedHeapIT {

  private static final JsonMapper JSON = new JsonMapper();
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
    HttpClient http = LocalCaTrust.httpClient(platform.caCertificate());
    ProviderApi provider = new ProviderApi(http, platform.providerUrl());
    Sharing sharing = Sharing.prepare(provider, platform);

    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    String boundary = "----oc" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    Flow.Publisher<java.nio.ByteBuffer> parts = BodyPublishers.concat(BodyPublishers.ofByteArray(head),
        BodyPublishers.ofInputStream(() -> new DigestInputStream(new PdfLikeStream(FILE_SIZE), sent)),
        BodyPublishers.ofByteArray(tail));
    HttpResponse<String> upload = provider.exchange("POST", "/api/documents/" + sharing.documentId() + "/files",
        "multipart/form-data; boundary=" + boundary,
        BodyPublishers.fromPublisher(parts, head.length + FILE_SIZE + tail.length));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    assertThat(JSON.readTree(upload.body()).get("size").asLong()).isEqualTo(FILE_SIZE);

    Sharing.Sent share = sharing.send();
    assertThat(share.status()).isEqualTo("DELIVERED");

    HttpClient clientHttp = HttpClient.newBuilder().sslContext(LocalCaTrust.sslContext(platform.caCertificate()))
        .cookieHandler(new CookieManager()).build();
    String token = share.token();
    HttpResponse<String> unlocked = clientHttp.send(HttpRequest.newBuilder(api("/unlock", token))
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(JSON.writeValueAsString(Map.of("code", share.code()))))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unlocked.statusCode()).isEqualTo(200);
    JsonNode big = null;
    for (JsonNode file : JSON.readTree(unlocked.body()).get("files")) {
      if (file.get("name").asString().equals("big.pdf")) {
        big = file;
      }
    }
    assertThat(big).isNotNull();
    HttpResponse<InputStream> download = clientHttp.send(
        HttpRequest.newBuilder(api("/files/" + big.get("id").asString(), token)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
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
    assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(HexFormat.of().formatHex(sent.digest()));
    for (String backend : List.of(LocalTopology.PROVIDER_BACKEND, LocalTopology.CLIENT_BACKEND)) {
      assertThat(platform.processes().get(backend)).as(backend + " still running").isNotEmpty()
          .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).hasValue(true));
    }
  }

  private static URI api(String suffix, String token) {
    return platform.clientUrl().resolve("/api/shares/" + token + suffix);
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
