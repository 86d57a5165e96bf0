package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

/** No request holds two pooled connections, so no number of parallel reads can deadlock the pool. */
class ConcurrentReadsTest extends ApiTest {

  private static final int ROUNDS = 10;

  @Autowired HikariDataSource pool;

  @Test
  void everyReadEndpointAnswersWithASingleFreeConnection() throws Exception {
    List<Supplier<Api.Response>> reads = readEndpoints();
    List<Connection> held = new ArrayList<>();
    try {
      // everything but one connection is taken: a request that needs a second one waits and fails
      for (int i = 1; i < pool.getMaximumPoolSize(); i++) {
        held.add(pool.getConnection());
      }
      for (int i = 0; i < reads.size(); i++) {
        assertThat(reads.get(i).get().status()).as("read %d with one free connection", i).isEqualTo(200);
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
    List<Supplier<Api.Response>> reads = readEndpoints();
    int parallel = 2 * pool.getMaximumPoolSize();
    ExecutorService callers = Executors.newFixedThreadPool(parallel);
    try {
      for (int r = 0; r < reads.size(); r++) {
        Supplier<Api.Response> read = reads.get(r);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
          answers.add(callers.submit(() -> {
            int worst = 200;
            for (int round = 0; round < ROUNDS && worst == 200; round++) {
              worst = read.get().status();
            }
            return worst;
          }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
          statuses.add(answer.get());
        }
        assertThat(statuses).as("statuses of %d parallel callers of read %d", parallel, r).containsOnly(200);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  /** One of each read the client API and the internal API have, on an unlocked share. */
  private List<Supplier<Api.Response>> readEndpoints() {
    var share = shares.share().pdf().deliver();
    String cookie = UnlockTest.cookieOf(api.unlock(share.token(), share.code()));
    String shareUrl = "/api/shares/" + share.token();
    return List.of(
        () -> api.publicCall("GET", shareUrl, null),
        () -> api.publicCall("GET", shareUrl + "/document", null, "Cookie", cookie),
        () -> api.publicCall("GET", shareUrl + "/files/" + share.file(0).id(), null, "Cookie", cookie),
        () -> api.publicCall("GET", shareUrl + "/files/" + share.file(0).id() + "?inline=true", null, "Cookie",
            cookie),
        () -> api.internalCall("GET", "/internal/shares/" + share.id() + "/events", null),
        () -> api.publicCall("GET", "/api/health", null));
  }
}
