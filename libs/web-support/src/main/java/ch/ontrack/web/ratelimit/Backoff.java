package ch.ontrack.web.ratelimit;

import java.time.Duration;

/**
 * A named back-off for failures: the first {@code freeFailures} in a row cost nothing, then each further failure
 * makes the next attempt wait {@code firstDelay}, doubled per failure up to {@code maxDelay}. A success clears it;
 * so do {@code forgetAfter} without failures. Never a hard block: the wait is always bounded by {@code maxDelay}.
 */
public record Backoff(String name, int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

    public Backoff {
        if (name == null
                || name.isBlank()
                || freeFailures < 0
                || firstDelay == null
                || maxDelay == null
                || forgetAfter == null
                || firstDelay.isNegative()
                || maxDelay.compareTo(firstDelay) < 0
                || forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException(
                    "A back-off needs a name, free failures >= 0 and firstDelay <= maxDelay <= forgetAfter");
        }
    }

    /** The wait after {@code failures} failures in a row. */
    Duration delayAfter(int failures) {
        int over = failures - freeFailures;
        if (over <= 0) {
            return Duration.ZERO;
        }
        // 2^(over-1) without overflow: past 30 doublings any delay is above any sensible maximum
        Duration delay = firstDelay.multipliedBy(1L << Math.min(over - 1, 30));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
