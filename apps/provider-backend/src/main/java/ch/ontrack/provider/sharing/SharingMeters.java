package ch.ontrack.provider.sharing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The sharing feature's metrics (names as docs/operations.md lists them). Tags are bounded enums; the series an
 * alert or a dashboard reads are registered at start, so they exist at 0 before the first event.
 */
@Component
class SharingMeters {

    /** What became of one delivery attempt. */
    enum Outcome {
        DELIVERED,
        RETRIED,
        FAILED
    }

    /** Why an attempt did not deliver; NONE when it did. */
    enum Reason {
        NONE,
        UNREACHABLE,
        SERVER_ERROR,
        REJECTED,
        TIMEOUT,
        OTHER;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The reason a delivery attempt failed with {@code e}. */
        static Reason of(RuntimeException e) {
            if (!(e instanceof ClientBackend.Unavailable unavailable)) {
                return OTHER;
            }
            if (unavailable.status == 0) {
                return unavailable.getCause() instanceof HttpTimeoutException
                        ? TIMEOUT
                        : unavailable.getCause() instanceof IOException ? UNREACHABLE : OTHER;
            }
            if (unavailable.status == 408 || unavailable.status == 504) {
                return TIMEOUT;
            }
            return unavailable.status >= 500 ? SERVER_ERROR : REJECTED;
        }
    }

    private final MeterRegistry meters;
    private final Counter sent;
    private final Timer deliveryDuration;

    SharingMeters(MeterRegistry meters) {
        this.meters = meters;
        this.sent =
                Counter.builder("oc.shares.sent").description("Sends accepted").register(meters);
        this.deliveryDuration = Timer.builder("oc.delivery.duration")
                .description("Time from a send to its share being on the client backend")
                .serviceLevelObjectives(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(15),
                        Duration.ofHours(1))
                .register(meters);
        deliveries(Outcome.DELIVERED, Reason.NONE);
        deliveries(Outcome.FAILED, Reason.REJECTED);
    }

    void sent() {
        sent.increment();
    }

    /** The share reached the client backend {@code sinceSend} after it was sent. */
    void delivered(Duration sinceSend) {
        deliveries(Outcome.DELIVERED, Reason.NONE).increment();
        deliveryDuration.record(sinceSend.isNegative() ? Duration.ZERO : sinceSend);
    }

    void retried(RuntimeException e) {
        deliveries(Outcome.RETRIED, Reason.of(e)).increment();
    }

    /** Parked for good (a dead letter): the client backend refused it. */
    void failed(RuntimeException e) {
        deliveries(Outcome.FAILED, Reason.of(e)).increment();
    }

    private Counter deliveries(Outcome outcome, Reason reason) {
        return Counter.builder("oc.deliveries")
                .description("Delivery attempts by outcome")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .tag("reason", reason.tag())
                .register(meters);
    }
}
