package ch.ontrack.provider.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The share status rule without Spring or a database: a row, the client backend's events, the time. */
class ShareStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void waitsForDeliveryThenFollowsTheClient() {
        assertThat(status(share(), Events.NONE)).isEqualTo(ShareStatus.PENDING_DELIVERY);
        assertThat(status(share().delivered(), Events.NONE)).isEqualTo(ShareStatus.DELIVERED);
        assertThat(status(share().delivered(), events("VIEWED"))).isEqualTo(ShareStatus.VIEWED);
        assertThat(status(share().delivered(), events("VIEWED", "DOWNLOADED"))).isEqualTo(ShareStatus.DOWNLOADED);
    }

    @Test
    void showsARefusedDeliveryUntilItIsDelivered() {
        assertThat(status(share().refused(), Events.NONE)).isEqualTo(ShareStatus.DELIVERY_FAILED);
        assertThat(status(share().refused().delivered(), Events.NONE)).isEqualTo(ShareStatus.DELIVERED);
    }

    @Test
    void lockedAfterTooManyWrongCodesUntilTheEnd() {
        Events locked = new Events(true, 5, false, null, List.of(event("UNLOCK_FAILED"), event("LOCKED")));

        assertThat(status(share().delivered(), locked)).isEqualTo(ShareStatus.LOCKED);
        assertThat(status(share().delivered().expired(), locked)).isEqualTo(ShareStatus.EXPIRED);
        assertThat(status(share().delivered().revoked(), locked)).isEqualTo(ShareStatus.REVOKED);
    }

    @Test
    void revokedAndExpiredWinOverWhatHappenedBefore() {
        Events downloaded = events("VIEWED", "DOWNLOADED");

        assertThat(status(share().delivered().revoked(), downloaded)).isEqualTo(ShareStatus.REVOKED);
        assertThat(status(share().delivered(), new Events(false, 0, true, null, List.of())))
                .as("revoked on the client side")
                .isEqualTo(ShareStatus.REVOKED);
        assertThat(status(share().delivered().expired(), downloaded)).isEqualTo(ShareStatus.EXPIRED);
        assertThat(status(share().refused().expired(), Events.NONE)).isEqualTo(ShareStatus.EXPIRED);
        assertThat(status(share().delivered().expiringAt(NOW), Events.NONE))
                .as("at the second")
                .isEqualTo(ShareStatus.EXPIRED);
    }

    @Test
    void onlyRevokedAndExpiredSharesAreClosedToTheProvider() {
        assertThat(ShareStatus.values())
                .filteredOn(s -> !s.active())
                .containsExactlyInAnyOrder(ShareStatus.REVOKED, ShareStatus.EXPIRED);
    }

    private static ShareStatus status(Row row, Events events) {
        return ShareStatus.of(row.build(), events, NOW);
    }

    private static Events events(String... types) {
        return new Events(
                false,
                0,
                false,
                null,
                Arrays.stream(types).map(ShareStatusTest::event).toList());
    }

    private static Events.Event event(String type) {
        return new Events.Event(type, NOW.minusSeconds(60), null);
    }

    private static Row share() {
        return new Row(NOW.plus(Duration.ofDays(7)), null, null, null);
    }

    /** A share row with only what the status reads. */
    private record Row(Instant expiresAt, Instant deliveredAt, Instant revokedAt, Instant deliveryFailedAt) {
        Row delivered() {
            return new Row(expiresAt, NOW.minusSeconds(3600), revokedAt, deliveryFailedAt);
        }

        Row refused() {
            return new Row(expiresAt, deliveredAt, revokedAt, NOW.minusSeconds(3600));
        }

        Row revoked() {
            return new Row(expiresAt, deliveredAt, NOW.minusSeconds(60), deliveryFailedAt);
        }

        Row expired() {
            return expiringAt(NOW.minusSeconds(1));
        }

        Row expiringAt(Instant at) {
            return new Row(at, deliveredAt, revokedAt, deliveryFailedAt);
        }

        Shares.Row build() {
            return new Shares.Row(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    null,
                    "anna@example.ch",
                    "hash",
                    expiresAt,
                    NOW.minus(Duration.ofDays(1)),
                    deliveredAt,
                    revokedAt,
                    null,
                    null,
                    "de",
                    deliveryFailedAt,
                    deliveryFailedAt == null ? null : "Too many files.",
                    deliveryFailedAt == null ? 0 : 1);
        }
    }
}
