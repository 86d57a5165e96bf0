package ch.ontrack.provider.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of an account's audit log. {@code subjectId} is the client, document or share concerned (if any),
 * {@code details} a short text of ours (an e-mail address, a date), {@code ip} the client address of the request.
 */
public record AuditEntry(long id, Instant at, AuditType type, String ip, UUID subjectId, String details) {}
