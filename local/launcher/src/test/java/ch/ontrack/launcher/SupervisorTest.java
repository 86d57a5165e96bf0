package ch.ontrack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SupervisorTest {

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final List<String> started = new CopyOnWriteArrayList<>();
  private final CountDownLatch restarted = new CountDownLatch(1);
  private final Backoff quick = new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofMinutes(1));

  private Supervisor supervisor() {
    return new Supervisor(quick, new Progress(new PrintStream(console, true, StandardCharsets.UTF_8)),
        Path.of("logs"), name -> {
          started.add(name);
          restarted.countDown();
        }, name -> {});
  }

  @Test
  void aCrashIsPrintedAndTheComponentRestarted() throws Exception {
    try (Supervisor supervisor = supervisor()) {
      supervisor.exitedOnItsOwn("provider-backend", 137, Duration.ofSeconds(3));
      assertThat(restarted.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(started).containsExactly("provider-backend");
    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains("[provider-backend] exited unexpectedly (exit code 137) after 3 s; restarting in 0 s (crash 1 in a row)");
  }

  @Test
  void aComponentStoppedOnPurposeIsNotRestartedEvenIfARestartWasPending() throws Exception {
    try (Supervisor supervisor = supervisor()) {
      supervisor.stoppedOnPurpose("client-backend");
      supervisor.exitedOnItsOwn("client-backend", 143, Duration.ofSeconds(3));
      supervisor.startedOnPurpose("provider-backend");
      for (int i = 0; i < 5; i++) {
        supervisor.exitedOnItsOwn("provider-backend", 1, Duration.ZERO); // crashes in a row: 400 ms
      }
      supervisor.stoppedOnPurpose("provider-backend");
      assertThat(restarted.await(1, TimeUnit.SECONDS)).isFalse();
    }
    assertThat(started).isEmpty();
  }
}
