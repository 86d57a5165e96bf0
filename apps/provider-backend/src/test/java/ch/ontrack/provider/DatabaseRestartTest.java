package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.web.testing.RestartableDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The provider's PostgreSQL restarted under a steady write load: 503 problem+json while it is away (never a
 * hang), health and readiness DOWN at once, writes again within 10 s of its return, no write lost or doubled.
 */
class DatabaseRestartTest extends ApiTest {

  /** Longer than any answer may take; a request still open then counts as hanging. */
  static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration RECOVERY = Duration.ofSeconds(10);
  static final RestartableDatabase DATABASE = new RestartableDatabase();

  record Write(String title, int status, String contentType, Instant answeredAt) {}

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry env) {
    // the setting itself: ApiTest's DB_PORT would win over ours
    env.add("spring.datasource.url", DATABASE::url);
  }

  @LocalManagementPort int managementPort;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void writesFailFastWhileTheDatabaseIsDownAndResumeWithinSecondsWithNothingLost() throws Exception {
    Browser browser = signedIn();
    String cookies = "__Host-oc-session=" + browser.cookie("__Host-oc-session") + "; XSRF-TOKEN="
        + browser.cookie("XSRF-TOKEN");
    List<Write> writes = new CopyOnWriteArrayList<>();
    List<String> hangs = new CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread load = new Thread(() -> {
      while (running.get()) {
        String title = "Load " + UUID.randomUUID();
        try {
          writes.add(write(cookies, browser.cookie("XSRF-TOKEN"), title));
        } catch (HttpTimeoutException e) {
          hangs.add(title);
        } catch (IOException e) {
          hangs.add(title + ": " + e);
        } catch (InterruptedException e) {
          return;
        }
        pause(50);
      }
    }, "write-load");
    load.start();
    try {
      until(() -> writes.stream().filter(w -> w.status() == 201).count() >= 10, "writes before the restart");

      DATABASE.stop();
      Instant down = Instant.now();
      until(() -> writes.stream().anyMatch(w -> w.status() == 503 && w.answeredAt().isAfter(down)),
          "a 503 during the outage");
      assertThat(get("/api/health", port).statusCode()).isEqualTo(503);
      var readiness = get("/actuator/health/readiness", managementPort);
      assertThat(readiness.statusCode()).isEqualTo(503);
      assertThat(readiness.body()).contains("DOWN");
      assertThat(get("/actuator/health/liveness", managementPort).statusCode()).isEqualTo(200);
      pause(2000);

      DATABASE.start();
      Instant back = Instant.now();
      until(() -> writes.stream().anyMatch(w -> w.status() == 201 && w.answeredAt().isAfter(back)),
          "a write after the database is back");
      Instant recovered = writes.stream().filter(w -> w.status() == 201 && w.answeredAt().isAfter(back))
          .map(Write::answeredAt).findFirst().orElseThrow();
      assertThat(recovered).as("first write after the return").isBefore(back.plus(RECOVERY));
    } finally {
      running.set(false);
      load.join();
    }

    assertThat(hangs).as("requests without an answer within %s", CLIENT_TIMEOUT).isEmpty();
    assertThat(writes).allSatisfy(w -> {
      assertThat(w.status()).isIn(201, 503);
      if (w.status() == 503) {
        assertThat(w.contentType()).startsWith("application/problem+json");
      }
    });
    List<String> created = writes.stream().filter(w -> w.status() == 201).map(Write::title).toList();
    List<String> stored = jdbc.sql("select title from document where title like 'Load %'").query(String.class)
        .list();
    assertThat(stored).as("every acknowledged write is stored, once").containsAll(created).doesNotHaveDuplicates();
    assertThat(get("/actuator/health/readiness", managementPort).statusCode()).isEqualTo(200);
  }

  private Write write(String cookies, String csrf, String title) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/documents"))
        .timeout(CLIENT_TIMEOUT)
        .header("Cookie", cookies).header("X-XSRF-TOKEN", csrf).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString("{\"title\":\"" + title + "\",\"message\":\"\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Write(title, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
        Instant.now());
  }

  private HttpResponse<String> get(String path, int onPort) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).timeout(CLIENT_TIMEOUT)
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void until(java.util.function.BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
      pause(50);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
