package ch.ontrack.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.launcher.demo.ProviderApi;
import ch.ontrack.launcher.pki.LocalCaTrust;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
  static HttpClient http;

  @BeforeAll
  static void start() {
    platform = SharedContainers.get();
    http = LocalCaTrust.httpClient(platform.caCertificate());
  }

  @Test
  void aDeliveryPendingWhileBothBackendsRestartArrives() throws Exception {
    ProviderApi provider = signedUp();
    String clientId = provider.createClient("Alex", "alex-" + UUID.randomUUID() + "@example.com").get("id").asString();
    String documentId = provider.createDocument("Accounts", "").get("id").asString();
    provider.uploadFile(documentId, "a.pdf", "application/pdf", PDF);

    stopGracefully("client-backend");
    JsonNode sent = provider.share(documentId, clientId, Instant.now().plus(7, ChronoUnit.DAYS));
    String shareId = sent.get("id").asString();
    assertThat(sent.get("status").asString()).isEqualTo("PENDING_DELIVERY");
    stopGracefully("provider-backend"); // with the delivery in its outbox
    restart("provider-backend");
    restart("client-backend");

    assertThat(awaitStatus(provider, shareId, "DELIVERED", Duration.ofSeconds(90))).isEqualTo("DELIVERED");
  }

  @Test
  void anUploadInterruptedByAStopIsNeverHalfStored() throws Exception {
    ProviderApi provider = signedUp();
    String documentId = provider.createDocument("Large", "").get("id").asString();
    int size = 20 * 1024 * 1024;
    AtomicLong sent = new AtomicLong();
    CompletableFuture<HttpResponse<String>> upload = slowUpload(provider, documentId, size, sent);
    while (sent.get() < 1024 * 1024 && !upload.isDone()) {
      Thread.sleep(100);
    }
    stopGracefully("provider-backend");
    int status;
    try {
      status = upload.get().statusCode();
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
    assertThat(stopped.killed()).as(app + " killed after its grace period; log:\n" + pod.logs()).isFalse();
    assertThat(stopped.took()).as(app + " stop").isLessThan(Duration.ofSeconds(pod.plan().terminationGracePeriodSeconds()));
  }

  private static void restart(String app) {
    platform.startContainer(app, platform.freshPlan(app)).awaitReady();
  }

  private static ProviderApi signedUp() {
    ProviderApi provider = new ProviderApi(http, platform.siteUrl("provider"));
    provider.signup("stop-" + UUID.randomUUID() + "@example.com", "a long enough passphrase", "Stop Test");
    return provider;
  }

  private static String awaitStatus(ProviderApi provider, String shareId, String status, Duration patience)
      throws InterruptedException {
    Instant end = Instant.now().plus(patience);
    String now = "";
    while (Instant.now().isBefore(end) && !(now = provider.get("/api/shares/" + shareId).get("status").asString())
        .equals(status)) {
      Thread.sleep(1000);
    }
    return now;
  }

  /** A multipart upload that sends 64 KiB every 50 ms, counting what it sent. */
  private static CompletableFuture<HttpResponse<String>> slowUpload(ProviderApi provider, String documentId, int size,
      AtomicLong sent) {
    String boundary = "----oc" + UUID.randomUUID();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.US_ASCII));
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    long total = head.size() + (size - 9) + tail.length;
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(subscriber -> {
      var chunks = new java.util.ArrayList<java.nio.ByteBuffer>();
      chunks.add(java.nio.ByteBuffer.wrap(head.toByteArray()));
      for (int left = size - 9; left > 0; left -= 65536) {
        chunks.add(java.nio.ByteBuffer.allocate(Math.min(65536, left)));
      }
      chunks.add(java.nio.ByteBuffer.wrap(tail));
      java.util.concurrent.SubmissionPublisher<java.nio.ByteBuffer> publisher = new java.util.concurrent.SubmissionPublisher<>();
      publisher.subscribe(subscriber);
      Thread feeder = new Thread(() -> {
        try {
          for (var chunk : chunks) {
            sent.addAndGet(chunk.remaining());
            publisher.submit(chunk);
            Thread.sleep(50);
          }
          publisher.close();
        } catch (InterruptedException e) {
          publisher.closeExceptionally(e);
        }
      }, "slow-upload");
      feeder.setDaemon(true);
      feeder.start();
    }, total);
    HttpRequest request = HttpRequest.newBuilder(platform.siteUrl("provider")
            .resolve("/api/documents/" + documentId + "/files"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("X-XSRF-TOKEN", provider.cookies().get("XSRF-TOKEN"))
        .header("Cookie", provider.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(java.util.stream.Collectors.joining("; ")))
        .POST(body).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }
}
