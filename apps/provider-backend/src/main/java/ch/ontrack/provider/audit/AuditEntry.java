package ch.ontrack.provider.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of an account's audit log. {@code subjectId} is the client, document or share concerned (if any),
 * {@code details} a short text of ours (an e-mail address, a date), {@code ip} the client address of the request.
 */
public record AuditEntry(
        long id,
        Instant at,
        AuditType type,
        @Nullable String ip,
        @Nullable UUID subjectId,
        @Nullable String details) {}
