package ch.ontrack.provider.audit;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to an account's audit log. Entries are never changed or deleted (a trigger refuses UPDATE, DELETE and
 * TRUNCATE); they go only with the account (ADR 0304). The client address is taken from the current request.
 */
@Component
public class Audit {

    static final int MAX_DETAILS = 500;
    private final JdbcClient jdbc;

    Audit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records {@code type} for the account; {@code subjectId} and {@code details} may be null. */
    public void record(UUID providerId, AuditType type, UUID subjectId, String details) {
        jdbc.sql("insert into audit_event (provider_id, type, ip, subject_id, details) values (?, ?, ?, ?, ?)")
                .params(providerId, type.name(), currentIp(), subjectId, clip(details))
                .update();
    }

    public void record(UUID providerId, AuditType type) {
        record(providerId, type, null, null);
    }

    /**
     * Records what happened elsewhere, at its own time, once: the same {@code sourceKey} again is ignored. For the
     * client side's events, imported when the provider backend fetches them.
     */
    public void imported(
            UUID providerId, AuditType type, Instant at, UUID subjectId, String details, String sourceKey) {
        jdbc.sql(
                        "insert into audit_event (provider_id, at, type, subject_id, details, source_key)"
                                + " values (?, ?, ?, ?, ?, ?) on conflict (provider_id, source_key) where source_key is not null do nothing")
                .params(providerId, java.sql.Timestamp.from(at), type.name(), subjectId, clip(details), sourceKey)
                .update();
    }

    private static String clip(String details) {
        if (details == null) {
            return null;
        }
        String line = details.replaceAll("\\p{Cntrl}", " ");
        return line.length() <= MAX_DETAILS ? line : line.substring(0, MAX_DETAILS);
    }

    private static String currentIp() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getRemoteAddr()
                : null;
    }
}
