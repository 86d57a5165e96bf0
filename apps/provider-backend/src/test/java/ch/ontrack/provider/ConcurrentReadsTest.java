package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

/** No request holds two pooled connections, so no number of parallel reads can deadlock the pool. */
class ConcurrentReadsTest extends ApiTest {

  private static final int ROUNDS = 10;

  @Autowired HikariDataSource pool;

  @Test
  void everyReadEndpointAnswersWithASingleFreeConnection() throws Exception {
    Browser browser = signedIn();
    List<String> reads = readEndpoints(browser);
    List<Connection> held = new ArrayList<>();
    try {
      // everything but one connection is taken: a request that needs a second one waits and fails
      for (int i = 1; i < pool.getMaximumPoolSize(); i++) {
        held.add(pool.getConnection());
      }
      for (String path : reads) {
        assertThat(browser.get(path).status()).as("GET %s with one free connection", path).isEqualTo(200);
      }
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void everyReadEndpointServesTwiceThePoolSizeInParallel() throws Exception {
    Browser browser = signedIn();
    List<String> reads = readEndpoints(browser);
    // the browser keeps cookies for one caller at a time: the parallel callers share only its session
    String session = "__Host-oc-session=" + browser.cookie("__Host-oc-session");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int parallel = 2 * pool.getMaximumPoolSize();
    ExecutorService callers = Executors.newFixedThreadPool(parallel);
    try {
      for (String path : reads) {
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
          answers.add(callers.submit(() -> {
            // a steady load rather than one burst: every caller comes back at once, for a while
            int worst = 200;
            for (int round = 0; round < ROUNDS && worst == 200; round++) {
              worst = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Cookie", session).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            }
            return worst;
          }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
          statuses.add(answer.get());
        }
        assertThat(statuses).as("statuses of %d parallel callers of GET %s", parallel, path).containsOnly(200);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  /** One of each read the provider API has, on data of the signed-in provider. */
  private static List<String> readEndpoints(Browser browser) {
    UUID document = browser.post("/api/documents", TestData.document("Annual accounts")).expect(201).id();
    UUID file = browser.upload("/api/documents/" + document + "/files", "accounts.pdf", "application/pdf",
        DocumentApiTest.PDF).expect(201).id();
    UUID client = browser.post("/api/clients", TestData.client("Anna")).expect(201).id();
    UUID share = browser.post("/api/documents/" + document + "/shares", TestData.shareTo("anna@example.ch"))
        .expect(201).id();
    return List.of("/api/documents", "/api/documents/" + document, "/api/documents/" + document + "/files/" + file,
        "/api/documents/" + document + "/shares", "/api/shares/" + share, "/api/clients",
        "/api/clients/" + client, "/api/auth/me", "/api/health");
  }
}
