package ch.ontrack.launcher.processes;

import java.time.Duration;

/**
 * When to restart a backend that exited on its own: the delay doubles with every crash in a row up
 * to {@code max}; a run of at least {@code stable} ends the row.
 */
public record Backoff(Duration first, Duration max, Duration stable) {

    public static final Backoff DEFAULT =
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60));

    /** The crashes in a row, counting this one, after a run of {@code uptime}. */
    int crashesInARow(int before, Duration uptime) {
        return uptime.compareTo(stable) >= 0 ? 1 : before + 1;
    }

    Duration delay(int crashesInARow) {
        Duration delay = first;
        for (int i = 1; i < crashesInARow && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
