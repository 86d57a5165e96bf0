import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Load on the client read path (not a test): one share is unlocked once, then N connections each
 * repeat a "full read" (the document, then the 1 MB file) for the given time. Prints full reads
 * per second and latency percentiles of a full read.
 *
 * <p>java ClientReadBench.java PROVIDER_URL CLIENT_URL CA_PEM CONNECTIONS WARMUP_S DURATION_S
 *
 * <p>With CONNECTIONS 0 it only prepares the share and prints {@code TOKEN=}, {@code FILE_ID=} and
 * {@code COOKIE=} lines for another load generator (wrk).
 */
public class ClientReadBench {

  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    URI provider = URI.create(args[0]);
    URI client = URI.create(args[1]);
    SSLContext tls = trusting(Path.of(args[2]));
    int connections = Integer.parseInt(args[3]);
    Duration warmup = Duration.ofSeconds(Long.parseLong(args[4]));
    Duration duration = Duration.ofSeconds(Long.parseLong(args[5]));

    Session p = new Session(HttpClient.newBuilder().sslContext(tls).build(), provider);
    p.call("GET", "/api/auth/csrf", null, null);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    p.call("POST", "/api/auth/signup", "application/json", "{\"email\":\"bench-" + unique
        + "@example.com\",\"password\":\"benchmark passphrase\",\"organisation\":\"Bench " + unique + "\"}");
    String clientId = id(p.call("POST", "/api/clients", "application/json",
        "{\"name\":\"Bench client\",\"email\":\"client-" + unique + "@example.com\"}"));
    String documentId = id(p.call("POST", "/api/documents", "application/json",
        "{\"title\":\"Benchmark\",\"message\":\"One megabyte, many times.\"}"));
    byte[] file = new byte[1024 * 1024];
    new SecureRandom().nextBytes(file);
    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, file, 0, 9);
    p.upload("/api/documents/" + documentId + "/files", "bench.pdf", file);
    String share = p.call("POST", "/api/documents/" + documentId + "/shares", "application/json",
        "{\"clientId\":\"" + clientId + "\",\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}");
    String link = field(share, "link");
    String token = link.substring(link.lastIndexOf('/') + 1);

    Session c = new Session(HttpClient.newBuilder().sslContext(tls).build(), client);
    String unlocked = c.call("POST", "/api/shares/" + token + "/unlock", "application/json",
        "{\"code\":\"" + field(share, "accessCode") + "\"}");
    Matcher files = Pattern.compile("\"files\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(unlocked);
    if (!files.find()) {
      throw new IllegalStateException("no file in " + unlocked);
    }
    URI documentUri = client.resolve("/api/shares/" + token + "/document");
    URI fileUri = client.resolve("/api/shares/" + token + "/files/" + files.group(1));
    String cookie = c.cookieHeader();
    if (connections == 0) {
      System.out.println("TOKEN=" + token);
      System.out.println("FILE_ID=" + files.group(1));
      System.out.println("COOKIE=" + cookie);
      return;
    }

    HttpClient[] pool = new HttpClient[connections];
    for (int i = 0; i < connections; i++) {
      pool[i] = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
    }
    long warmupEnd = System.nanoTime() + warmup.toNanos();
    long end = warmupEnd + duration.toNanos();
    List<long[]> latencies = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      HttpClient http = pool[i];
      long[] samples = new long[1_000_000];
      latencies.add(samples);
      int slot = i;
      Thread t = new Thread(() -> {
        int n = 0;
        byte[] sink = new byte[64 * 1024];
        while (System.nanoTime() < end) {
          long start = System.nanoTime();
          try {
            HttpResponse<String> doc = http.send(HttpRequest.newBuilder(documentUri).header("Cookie", cookie).build(),
                BodyHandlers.ofString());
            HttpResponse<InputStream> bytes = http.send(HttpRequest.newBuilder(fileUri).header("Cookie", cookie).build(),
                BodyHandlers.ofInputStream());
            long total = 0;
            try (InputStream in = bytes.body()) {
              for (int r; (r = in.read(sink)) > 0; ) {
                total += r;
              }
            }
            if (doc.statusCode() != 200 || bytes.statusCode() != 200 || total != file.length) {
              errors.incrementAndGet();
              continue;
            }
          } catch (Exception e) {
            errors.incrementAndGet();
            continue;
          }
          long stop = System.nanoTime();
          if (start >= warmupEnd && n < samples.length) {
            samples[n++] = stop - start;
          }
        }
        latencies.set(slot, Arrays.copyOf(samples, n));
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double seconds = duration.toNanos() / 1e9;
    System.out.printf("connections=%d duration=%ds full_reads=%d errors=%d%n", connections,
        duration.toSeconds(), all.length, errors.get());
    System.out.printf("full_reads_per_second=%.1f%n", all.length / seconds);
    System.out.printf("p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", pct(all, 50), pct(all, 99),
        all.length == 0 ? 0 : all[all.length - 1] / 1e6);
  }

  static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
  }

  static String id(String json) {
    Matcher m = ID.matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no id in " + json);
    }
    return m.group(1);
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  static SSLContext trusting(Path caPem) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(caPem)) {
      store.setCertificateEntry("local-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    return tls;
  }

  /** Cookies and the CSRF header, as a browser would send them. */
  static final class Session {
    final HttpClient http;
    final URI base;
    final Map<String, String> cookies = new ConcurrentHashMap<>();

    Session(HttpClient http, URI base) {
      this.http = http;
      this.base = base;
    }

    String cookieHeader() {
      return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    String call(String method, String path, String type, String body) throws Exception {
      return send(method, path, type, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    }

    void upload(String path, String name, byte[] content) throws Exception {
      String boundary = "----bench" + UUID.randomUUID();
      byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
          + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] all = new byte[head.length + content.length + tail.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(content, 0, all, head.length, content.length);
      System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
      send("POST", path, "multipart/form-data; boundary=" + boundary, BodyPublishers.ofByteArray(all));
    }

    private String send(String method, String path, String type, HttpRequest.BodyPublisher body) throws Exception {
      HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).method(method, body);
      if (type != null) {
        r.header("Content-Type", type);
      }
      if (!cookies.isEmpty()) {
        r.header("Cookie", cookieHeader());
      }
      if (cookies.containsKey("XSRF-TOKEN")) {
        r.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
      }
      HttpResponse<String> response = http.send(r.build(), BodyHandlers.ofString());
      for (String set : response.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
            + response.body());
      }
      return response.body();
    }
  }
}
