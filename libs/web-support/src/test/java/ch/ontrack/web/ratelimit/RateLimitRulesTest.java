package ch.ontrack.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pure parts of the rate limits: back-off waits, limit and back-off settings, keys, decisions. */
class RateLimitRulesTest {

    private final Backoff login =
            new Backoff("login", 5, Duration.ofSeconds(15), Duration.ofMinutes(15), Duration.ofHours(24));

    @Test
    void theFreeFailuresCostNothing() {
        for (int failures = 0; failures <= 5; failures++) {
            assertThat(login.delayAfter(failures)).isZero();
        }
    }

    @Test
    void thenTheWaitDoublesPerFailureUpToTheMaximum() {
        assertThat(login.delayAfter(6)).isEqualTo(Duration.ofSeconds(15));
        assertThat(login.delayAfter(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(login.delayAfter(10)).isEqualTo(Duration.ofMinutes(4));
        assertThat(login.delayAfter(12)).isEqualTo(Duration.ofMinutes(15));
        assertThat(login.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aBackoffNeedsOrderedDurations() {
        assertThatThrownBy(() -> new Backoff("x", 1, Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff("x", 1, Duration.ofSeconds(1), Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new Backoff(" ", 1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new Backoff("x", -1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRateLimitNeedsANameAPositiveCapacityAndPeriod() {
        assertThat(new RateLimit("unlock", 20, Duration.ofMinutes(1)).capacity())
                .isEqualTo(20);
        assertThatThrownBy(() -> new RateLimit("unlock", 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit("unlock", 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit("", 1, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreStableAndKeptApartByScopeAndKey() {
        assertThat(Keys.id("bucket|unlock", "203.0.113.7")).isEqualTo(Keys.id("bucket|unlock", "203.0.113.7"));
        assertThat(Keys.id("bucket|unlock", "203.0.113.7")).isNotEqualTo(Keys.id("bucket|unlock", "203.0.113.8"));
        assertThat(Keys.id("bucket|unlock", "203.0.113.7")).isNotEqualTo(Keys.id("bucket|login", "203.0.113.7"));
        // the separator keeps "ab" + "c" apart from "a" + "bc"
        assertThat(Keys.id("ab", "c")).isNotEqualTo(Keys.id("a", "bc"));
    }

    @Test
    void aRefusalWaitsAtLeastOneSecondAndThrows429() {
        assertThat(Decision.waitFor(0).retryAfterSeconds()).isEqualTo(1);
        assertThat(Decision.waitFor(42).allowed()).isFalse();
        Decision.ALLOWED.orThrow("never thrown");
        assertThatThrownBy(() -> Decision.waitFor(7).orThrow("Wait a minute."))
                .isInstanceOfSatisfying(
                        TooManyAttempts.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(7))
                .hasMessageContaining("Wait a minute.");
    }
}
