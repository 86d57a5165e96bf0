package ch.ontrack.provider.sharing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A share as the provider sees it; link and accessCode only in the answer to the send, deliveryFailure only
 * while the client backend's refusal waits for a retry.
 */
record ShareView(
    UUID id, UUID documentId, UUID clientId, String recipientEmail, Status status, Instant expiresAt,
    Instant createdAt, Instant deliveredAt, Instant revokedAt, boolean locked, int failedAttempts,
    List<Events.Event> events, boolean eventsStale, boolean codeWaiting,
    @JsonInclude(JsonInclude.Include.NON_NULL) String deliveryFailure, int deliveryAttempts,
    @JsonInclude(JsonInclude.Include.NON_NULL) String link,
    @JsonInclude(JsonInclude.Include.NON_NULL) String accessCode) {

  enum Status { PENDING_DELIVERY, DELIVERY_FAILED, DELIVERED, VIEWED, DOWNLOADED, EXPIRED, REVOKED }

  /** Local state first (revoked, failed, pending), then the client backend's last known events. */
  static ShareView of(Shares.Row row, Events known, Instant now) {
    Events events = known == null ? Events.NONE : known;
    Instant expiresAt = row.expiresAt();
    boolean failed = row.deliveryFailedAt() != null && row.deliveredAt() == null;
    Status status;
    if (row.revokedAt() != null || events.revoked()) {
      status = Status.REVOKED;
    } else if (failed) {
      status = Status.DELIVERY_FAILED;
    } else if (row.deliveredAt() == null) {
      status = Status.PENDING_DELIVERY;
    } else if (!expiresAt.isAfter(now)) {
      status = Status.EXPIRED;
    } else if (events.has("DOWNLOADED")) {
      status = Status.DOWNLOADED;
    } else if (events.has("VIEWED")) {
      status = Status.VIEWED;
    } else {
      status = Status.DELIVERED;
    }
    return new ShareView(row.id(), row.documentId(), row.clientId(), row.recipientEmail(), status, expiresAt,
        row.createdAt(), row.deliveredAt(), row.revokedAt(), events.locked(), events.failedAttempts(),
        events.events(), false, row.encryptedCode() != null, failed ? row.deliveryFailure() : null,
        row.deliveryAttempts(), null, null);
  }

  ShareView withSecrets(String link, String accessCode) {
    return new ShareView(id, documentId, clientId, recipientEmail, status, expiresAt, createdAt, deliveredAt,
        revokedAt, locked, failedAttempts, events, eventsStale, codeWaiting, deliveryFailure, deliveryAttempts,
        link, accessCode);
  }

  /** True when the client backend did not answer and the events are the last known ones. */
  ShareView withEventsStale(boolean stale) {
    return new ShareView(id, documentId, clientId, recipientEmail, status, expiresAt, createdAt, deliveredAt,
        revokedAt, locked, failedAttempts, events, stale, codeWaiting, deliveryFailure, deliveryAttempts, link,
        accessCode);
  }
}
