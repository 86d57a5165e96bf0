package ch.ontrack.launcher.processes;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.launcher.component.LaunchException;
import ch.ontrack.launcher.component.Progress;
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
        return new Supervisor(
                quick,
                new Progress(new PrintStream(console, true, StandardCharsets.UTF_8)),
                Path.of("logs"),
                name -> {
                    started.add(name);
                    restarted.countDown();
                },
                name -> {});
    }

    @Test
    void aCrashIsPrintedAndTheComponentRestarted() throws Exception {
        try (Supervisor supervisor = supervisor()) {
            supervisor.exitedOnItsOwn("provider-backend", 137, Duration.ofSeconds(3));
            assertThat(restarted.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(started).containsExactly("provider-backend");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains(
                        "[provider-backend] exited unexpectedly (exit code 137) after 3 s; restarting in 0 s (crash 1 in a row)");
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

    /**
     * A restart whose start fails because the component was stopped and started on purpose meanwhile leaves the
     * new process alone: it neither stops it nor schedules another restart.
     */
    @Test
    void aFailedRestartOvertakenByAStopAndStartOnPurposeLeavesTheNewProcessAlone() throws Exception {
        List<String> stopped = new CopyOnWriteArrayList<>();
        CountDownLatch inStart = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Supervisor supervisor = new Supervisor(
                quick,
                new Progress(new PrintStream(console, true, StandardCharsets.UTF_8)),
                Path.of("logs"),
                name -> {
                    started.add(name);
                    inStart.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new LaunchException(name + " stopped during start-up (exit code 143).");
                },
                stopped::add)) {
            supervisor.exitedOnItsOwn("client-backend", 137, Duration.ofSeconds(3));
            assertThat(inStart.await(10, TimeUnit.SECONDS)).isTrue();
            supervisor.stoppedOnPurpose("client-backend");
            supervisor.startedOnPurpose("client-backend");
            release.countDown();
            Thread.sleep(1000); // longer than any back-off of this test's supervisor
        }
        assertThat(stopped)
                .as("the supervisor stopped what a start on purpose had started")
                .isEmpty();
        assertThat(started).containsExactly("client-backend");
    }
}
