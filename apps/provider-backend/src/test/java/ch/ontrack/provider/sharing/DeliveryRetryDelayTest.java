package ch.ontrack.provider.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryRetryDelayTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    @Test
    void theIntervalDoublesWithEveryFailedTry() {
        assertThat(Delivery.retryDelay(INTERVAL, 0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Delivery.retryDelay(INTERVAL, 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Delivery.retryDelay(INTERVAL, 3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(Delivery.retryDelay(INTERVAL, 7)).isEqualTo(Duration.ofSeconds(640));
    }

    @Test
    void neverWaitsLongerThanFifteenMinutes() {
        assertThat(Delivery.retryDelay(INTERVAL, 8)).isEqualTo(Duration.ofMinutes(15));
        assertThat(Delivery.retryDelay(INTERVAL, Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
        assertThat(Delivery.retryDelay(Duration.ofHours(1), 0)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aNegativeCountIsTheFirstTry() {
        assertThat(Delivery.retryDelay(INTERVAL, -3)).isEqualTo(INTERVAL);
    }
}
