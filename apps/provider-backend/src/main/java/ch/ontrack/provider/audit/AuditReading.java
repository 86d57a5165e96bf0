package ch.ontrack.provider.audit;

import java.util.UUID;

/**
 * Published before an account's audit log is read, so features that import entries from elsewhere (the client
 * side's share events) bring them in first.
 */
public record AuditReading(UUID providerId) {}
