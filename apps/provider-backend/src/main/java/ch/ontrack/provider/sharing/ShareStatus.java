package ch.ontrack.provider.sharing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The one status rule of a share (the web app only names it): what ends the share wins (revoked, then expired),
 * then the delivery (refused, waiting), then what needs the provider (locked after too many wrong codes), then
 * how far the client got.
 */
@Schema(enumAsRef = true)
enum ShareStatus {
    PENDING_DELIVERY,
    DELIVERY_FAILED,
    DELIVERED,
    VIEWED,
    DOWNLOADED,
    LOCKED,
    EXPIRED,
    REVOKED;

    /** {@code events}: the client backend's last known report, {@link Events#NONE} before the first. */
    static ShareStatus of(Shares.Row row, Events events, Instant now) {
        if (row.revokedAt() != null || events.revoked()) {
            return REVOKED;
        }
        if (!row.expiresAt().isAfter(now)) {
            return EXPIRED;
        }
        if (row.deliveredAt() == null) {
            return row.deliveryFailedAt() != null ? DELIVERY_FAILED : PENDING_DELIVERY;
        }
        if (events.locked()) {
            return LOCKED;
        }
        if (events.has("DOWNLOADED")) {
            return DOWNLOADED;
        }
        return events.has("VIEWED") ? VIEWED : DELIVERED;
    }

    /** Whether the provider can still act on the share (revoke, new code, longer expiry, retry). */
    boolean active() {
        return this != REVOKED && this != EXPIRED;
    }
}
