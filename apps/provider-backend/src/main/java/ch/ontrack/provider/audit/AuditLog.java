package ch.ontrack.provider.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads an account's audit log, newest first, filtered by type and time. There is no way to change it. */
@Repository
class AuditLog {

    /** {@code type}, {@code from} (inclusive) and {@code to} (exclusive) are optional. */
    record Filter(AuditType type, Instant from, Instant to) {}

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AuditEntry> page(UUID providerId, Filter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(providerId, filter, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select id, at, type, ip, subject_id, details from audit_event " + where
                        + " order by at desc, id desc limit ? offset ?")
                .params(params)
                .query((rs, n) -> entry(rs))
                .list();
    }

    long count(UUID providerId, Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(providerId, filter, params);
        return jdbc.sql("select count(*) from audit_event " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Every matching entry up to {@code max}, newest first, one at a time (for the CSV export). */
    void each(UUID providerId, Filter filter, int max, Consumer<AuditEntry> consumer) {
        List<Object> params = new ArrayList<>();
        String where = where(providerId, filter, params);
        params.add(max);
        jdbc.sql("select id, at, type, ip, subject_id, details from audit_event " + where
                        + " order by at desc, id desc limit ?")
                .params(params)
                .query(rs -> {
                    consumer.accept(entry(rs));
                });
    }

    private static String where(UUID providerId, Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder("where provider_id = ?");
        params.add(providerId);
        if (filter.type() != null) {
            where.append(" and type = ?");
            params.add(filter.type().name());
        }
        if (filter.from() != null) {
            where.append(" and at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        return where.toString();
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                type(rs.getString("type")),
                rs.getString("ip"),
                rs.getObject("subject_id", UUID.class),
                rs.getString("details"));
    }

    private static AuditType type(String name) {
        return AuditType.valueOf(name);
    }
}
