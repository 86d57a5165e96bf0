package ch.ontrack.provider.sharing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A share as the provider sees it; link and accessCode only in the answer to the send, deliveryFailure only
 * while the client backend's refusal waits for a retry; active: the provider can still act on it.
 */
record ShareView(
        UUID id,
        UUID documentId,
        @Nullable UUID clientId,
        String recipientEmail,
        ShareStatus status,
        boolean active,
        Instant expiresAt,
        Instant createdAt,
        @Nullable Instant deliveredAt,
        @Nullable Instant revokedAt,
        boolean locked,
        int failedAttempts,
        List<Events.Event> events,
        boolean eventsStale,
        boolean codeWaiting,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String deliveryFailure,
        int deliveryAttempts,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String link,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String accessCode) {

    /** The status by {@link ShareStatus#of}; the client backend's last known events, or none before the first. */
    static ShareView of(Shares.Row row, Events known, Instant now) {
        Events events = known == null ? Events.NONE : known;
        boolean failed = row.deliveryFailedAt() != null && row.deliveredAt() == null;
        ShareStatus status = ShareStatus.of(row, events, now);
        return new ShareView(
                row.id(),
                row.documentId(),
                row.clientId(),
                row.recipientEmail(),
                status,
                status.active(),
                row.expiresAt(),
                row.createdAt(),
                row.deliveredAt(),
                row.revokedAt(),
                events.locked(),
                events.failedAttempts(),
                events.events(),
                false,
                row.encryptedCode() != null,
                failed ? row.deliveryFailure() : null,
                row.deliveryAttempts(),
                null,
                null);
    }

    ShareView withSecrets(String link, String accessCode) {
        return new ShareView(
                id,
                documentId,
                clientId,
                recipientEmail,
                status,
                active,
                expiresAt,
                createdAt,
                deliveredAt,
                revokedAt,
                locked,
                failedAttempts,
                events,
                eventsStale,
                codeWaiting,
                deliveryFailure,
                deliveryAttempts,
                link,
                accessCode);
    }

    /** True when the client backend did not answer and the events are the last known ones. */
    ShareView withEventsStale(boolean stale) {
        return new ShareView(
                id,
                documentId,
                clientId,
                recipientEmail,
                status,
                active,
                expiresAt,
                createdAt,
                deliveredAt,
                revokedAt,
                locked,
                failedAttempts,
                events,
                stale,
                codeWaiting,
                deliveryFailure,
                deliveryAttempts,
                link,
                accessCode);
    }
}
