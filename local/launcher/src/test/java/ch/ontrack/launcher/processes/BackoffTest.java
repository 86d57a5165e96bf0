package ch.ontrack.launcher.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = Backoff.DEFAULT;

    @Test
    void theDelayDoublesWithEveryCrashInARowUpToAMinute() {
        assertThat(backoff.delay(1)).hasSeconds(1);
        assertThat(backoff.delay(2)).hasSeconds(2);
        assertThat(backoff.delay(3)).hasSeconds(4);
        assertThat(backoff.delay(6)).hasSeconds(32);
        assertThat(backoff.delay(7)).hasSeconds(60);
        assertThat(backoff.delay(1000)).hasSeconds(60);
    }

    @Test
    void aRunOfAMinuteOrMoreEndsTheRow() {
        assertThat(backoff.crashesInARow(0, Duration.ofSeconds(5))).isEqualTo(1);
        assertThat(backoff.crashesInARow(3, Duration.ofSeconds(5))).isEqualTo(4);
        assertThat(backoff.crashesInARow(3, Duration.ofSeconds(60))).isEqualTo(1);
    }
}
