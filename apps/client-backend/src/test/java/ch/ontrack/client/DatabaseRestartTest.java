package ch.ontrack.client;

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
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The client backend's PostgreSQL restarted while shares are delivered: 503 problem+json while it is away
 * (never a hang), health and readiness DOWN at once, deliveries again within 10 s of its return, none lost.
 */
class DatabaseRestartTest extends ApiTest {

  static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration RECOVERY = Duration.ofSeconds(10);
  static final RestartableDatabase DATABASE = new RestartableDatabase();

  record Write(String shareId, int status, String contentType, Instant answeredAt) {}

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    // the setting itself: ApiTest's DB_PORT would win over ours
    registry.add("spring.datasource.url", DATABASE::url);
  }

  @Autowired JdbcClient jdbc;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void deliveriesFailFastWhileTheDatabaseIsDownAndResumeWithinSecondsWithNothingLost() throws Exception {
    var opened = shares.share().pdf().deliver();
    List<Write> writes = new CopyOnWriteArrayList<>();
    List<String> hangs = new CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread load = new Thread(() -> {
      while (running.get()) {
        String id = UUID.randomUUID().toString();
        try {
          writes.add(deliver(id, shares.share().body()));
        } catch (HttpTimeoutException e) {
          hangs.add(id);
        } catch (IOException e) {
          hangs.add(id + ": " + e);
        } catch (InterruptedException e) {
          return;
        }
        pause(50);
      }
    }, "delivery-load");
    load.start();
    try {
      until(() -> writes.stream().filter(w -> w.status() == 201).count() >= 10, "deliveries before the restart");

      DATABASE.stop();
      Instant down = Instant.now();
      until(() -> writes.stream().anyMatch(w -> w.status() == 503 && w.answeredAt().isAfter(down)),
          "a 503 during the outage");
      var state = get(publicPort, "/api/shares/" + opened.token());
      assertThat(state.statusCode()).isEqualTo(503);
      assertThat(state.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(get(publicPort, "/api/health").statusCode()).isEqualTo(503);
      var readiness = get(managementPort, "/actuator/health/readiness");
      assertThat(readiness.statusCode()).isEqualTo(503);
      assertThat(readiness.body()).contains("DOWN");
      pause(2000);

      DATABASE.start();
      Instant back = Instant.now();
      until(() -> writes.stream().anyMatch(w -> w.status() == 201 && w.answeredAt().isAfter(back)),
          "a delivery after the database is back");
      Instant recovered = writes.stream().filter(w -> w.status() == 201 && w.answeredAt().isAfter(back))
          .map(Write::answeredAt).findFirst().orElseThrow();
      assertThat(recovered).as("first delivery after the return").isBefore(back.plus(RECOVERY));
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
    List<String> created = writes.stream().filter(w -> w.status() == 201).map(Write::shareId).toList();
    assertThat(jdbc.sql("select id from shares").query(String.class).list())
        .as("every acknowledged delivery is stored").containsAll(created);
    assertThat(get(publicPort, "/api/shares/" + opened.token()).statusCode()).isEqualTo(200);
  }

  private Write deliver(String shareId, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + internalConnector.localPort() + "/internal/shares/" + shareId))
        .timeout(CLIENT_TIMEOUT).header("Authorization", "Bearer " + Api.SECRET)
        .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Write(shareId, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
        Instant.now());
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(CLIENT_TIMEOUT)
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void until(BooleanSupplier condition, String what) {
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
