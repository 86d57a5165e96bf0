package ch.ontrack.client.share;

import java.time.Instant;

/** A document delivered to one recipient, as the client backend keeps it. */
public record Share(
        String id,
        String tokenHash,
        String providerName,
        String title,
        String message,
        String recipientEmail,
        Instant expiresAt,
        String accessCodeHash,
        int failedAttempts,
        Instant lockedAt,
        Instant revokedAt,
        String language) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean locked() {
        return lockedAt != null;
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
