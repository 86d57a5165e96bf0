package ch.ontrack.provider.sharing;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Work for the client backend that must survive restarts. An item is claimed with a lease (docs/adr/0212): one
 * short statement, after which it is delivered without a transaction; results are recorded only under that lease.
 */
@Repository
class Outbox {

    enum Kind {
        DELIVER,
        REVOKE,
        DELETE
    }

    /** {@code traceParent}: the request that queued it (docs/adr/0291), null when it was not traced. */
    record Item(
            UUID id, UUID shareId, Kind kind, byte[] encryptedToken, int attempts, UUID lease, String traceParent) {}

    private static final String COLUMNS = "id, share_id, kind, encrypted_token, attempts, lease, trace_parent";
    private static final String CLAIM =
            "update outbox set lease = ?, next_attempt_at = now() + ? * interval '1 millisecond'";
    private final JdbcClient jdbc;
    private final DeliveryTraces traces;

    Outbox(JdbcClient jdbc, DeliveryTraces traces) {
        this.jdbc = jdbc;
        this.traces = traces;
    }

    void add(UUID id, UUID shareId, Kind kind, byte[] encryptedToken) {
        jdbc.sql("insert into outbox (id, share_id, kind, encrypted_token, trace_parent) values (?, ?, ?, ?, ?)")
                .params(id, shareId, kind.name(), encryptedToken, traces.current())
                .update();
    }

    /** Claims the item if it is due and nobody holds a lease on it: for {@code lease} nobody else takes it. */
    Optional<Item> claim(UUID id, Duration lease) {
        return jdbc.sql(CLAIM + " where id = ? and failed_at is null and next_attempt_at <= now() returning " + COLUMNS)
                .params(UUID.randomUUID(), lease.toMillis(), id)
                .query(Outbox::item)
                .optional();
    }

    /** Claims the next due item nobody else holds (an expired lease counts as due). */
    Optional<Item> claimNextDue(Duration lease) {
        return jdbc.sql(CLAIM
                        + " where id = (select id from outbox where failed_at is null and next_attempt_at <= now()"
                        + " order by next_attempt_at limit 1 for update skip locked) returning " + COLUMNS)
                .params(UUID.randomUUID(), lease.toMillis())
                .query(Outbox::item)
                .optional();
    }

    /** Extends the lease before the next step; false when it was lost (the item was cancelled or taken over). */
    boolean renew(Item item, Duration lease) {
        return jdbc.sql("update outbox set next_attempt_at = now() + ? * interval '1 millisecond'"
                                + " where id = ? and lease = ?")
                        .params(lease.toMillis(), item.id(), item.lease())
                        .update()
                == 1;
    }

    /** Whether the item is still in the outbox, under any lease (false: cancelled, e.g. by a revoke). */
    boolean exists(UUID id) {
        return jdbc.sql("select count(*) from outbox where id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Removes the item if the lease is still this one; false otherwise. */
    boolean done(Item item) {
        return jdbc.sql("delete from outbox where id = ? and lease = ?")
                        .params(item.id(), item.lease())
                        .update()
                == 1;
    }

    /** Ends the lease and schedules the next attempt; false when the lease was lost. */
    boolean retryLater(Item item, Duration delay, String error) {
        return jdbc.sql(
                                "update outbox set attempts = attempts + 1, next_attempt_at = now() + ? * interval '1 millisecond',"
                                        + " last_error = ?, lease = null where id = ? and lease = ?")
                        .params(delay.toMillis(), truncate(error), item.id(), item.lease())
                        .update()
                == 1;
    }

    private static String truncate(String error) {
        return error.length() > 500 ? error.substring(0, 500) : error;
    }

    /** Parks the item: the worker leaves it alone until {@link #requeue} (docs/adr/0210); false if the lease was lost. */
    boolean fail(Item item, String error) {
        return jdbc.sql("update outbox set attempts = attempts + 1, failed_at = now(), last_error = ?, lease = null"
                                + " where id = ? and lease = ?")
                        .params(truncate(error), item.id(), item.lease())
                        .update()
                == 1;
    }

    /** Makes a parked delivery of the share due at once, queued by the current request; its id, or empty. */
    Optional<UUID> requeue(UUID shareId) {
        return jdbc.sql(
                        "update outbox set failed_at = null, attempts = 0, next_attempt_at = now(), lease = null,"
                                + " trace_parent = ? where share_id = ? and kind = 'DELIVER' and failed_at is not null returning id")
                .params(traces.current(), shareId)
                .query(UUID.class)
                .optional();
    }

    /** Drops work still waiting for a share, e.g. a delivery of a share that is revoked now. */
    void cancel(UUID shareId, Kind kind) {
        jdbc.sql("delete from outbox where share_id = ? and kind = ?")
                .params(shareId, kind.name())
                .update();
    }

    int count(UUID shareId) {
        return jdbc.sql("select count(*) from outbox where share_id = ?")
                .param(shareId)
                .query(Integer.class)
                .single();
    }

    private static Item item(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Item(
                rs.getObject("id", UUID.class),
                rs.getObject("share_id", UUID.class),
                Kind.valueOf(rs.getString("kind")),
                rs.getBytes("encrypted_token"),
                rs.getInt("attempts"),
                rs.getObject("lease", UUID.class),
                rs.getString("trace_parent"));
    }
}
