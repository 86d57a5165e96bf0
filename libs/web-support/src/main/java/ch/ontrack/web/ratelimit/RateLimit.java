package ch.ontrack.web.ratelimit;

import java.time.Duration;

/**
 * A named token bucket: {@code capacity} attempts, refilled evenly over {@code period}. A backend declares each
 * one it uses as a bean; {@link RateLimits#check} finds it by name.
 */
public record RateLimit(String name, long capacity, Duration period) {

    public RateLimit {
        if (name == null
                || name.isBlank()
                || capacity < 1
                || period == null
                || period.isZero()
                || period.isNegative()) {
            throw new IllegalArgumentException("A rate limit needs a name, a positive capacity and a positive period");
        }
    }
}
