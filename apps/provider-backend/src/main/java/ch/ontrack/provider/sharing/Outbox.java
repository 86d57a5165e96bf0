package ch.ontrack.provider.sharing;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Work for the client backend that must survive restarts; rows are locked with SKIP LOCKED. */
@Repository
class Outbox {

  enum Kind { DELIVER, REVOKE, DELETE }

  record Item(UUID id, UUID shareId, Kind kind, byte[] encryptedToken, int attempts) {}

  private static final String COLUMNS = "id, share_id, kind, encrypted_token, attempts";
  private final JdbcClient jdbc;

  Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(UUID id, UUID shareId, Kind kind, byte[] encryptedToken) {
    jdbc.sql("insert into outbox (id, share_id, kind, encrypted_token) values (?, ?, ?, ?)")
        .params(id, shareId, kind.name(), encryptedToken).update();
  }

  /** Within a transaction: the row, unless another replica or thread is working on it. */
  Optional<Item> lock(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from outbox where id = ? for update skip locked")
        .param(id).query(Outbox::item).optional();
  }

  /** Within a transaction: the next due row nobody else is working on. */
  Optional<Item> lockNextDue() {
    return jdbc.sql("select " + COLUMNS + " from outbox where failed_at is null and next_attempt_at <= now()"
            + " order by next_attempt_at limit 1 for update skip locked")
        .query(Outbox::item).optional();
  }

  void done(UUID id) {
    jdbc.sql("delete from outbox where id = ?").param(id).update();
  }

  void retryLater(Item item, Duration delay, String error) {
    jdbc.sql("update outbox set attempts = attempts + 1, next_attempt_at = now() + ? * interval '1 millisecond',"
            + " last_error = ? where id = ?")
        .params(delay.toMillis(), truncate(error), item.id()).update();
  }

  private static String truncate(String error) {
    return error.length() > 500 ? error.substring(0, 500) : error;
  }

  /** Parks the item: the worker leaves it alone until {@link #requeue} (docs/adr/0210). */
  void fail(Item item, String error) {
    jdbc.sql("update outbox set attempts = attempts + 1, failed_at = now(), last_error = ? where id = ?")
        .params(truncate(error), item.id()).update();
  }

  /** Makes a parked delivery of the share due at once; its id, or empty when none was parked. */
  Optional<UUID> requeue(UUID shareId) {
    return jdbc.sql("update outbox set failed_at = null, attempts = 0, next_attempt_at = now()"
            + " where share_id = ? and kind = 'DELIVER' and failed_at is not null returning id")
        .param(shareId).query(UUID.class).optional();
  }

  /** Drops work still waiting for a share, e.g. a delivery of a share that is revoked now. */
  void cancel(UUID shareId, Kind kind) {
    jdbc.sql("delete from outbox where share_id = ? and kind = ?").params(shareId, kind.name()).update();
  }

  int count(UUID shareId) {
    return jdbc.sql("select count(*) from outbox where share_id = ?").param(shareId).query(Integer.class).single();
  }

  private static Item item(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Item(rs.getObject("id", UUID.class), rs.getObject("share_id", UUID.class),
        Kind.valueOf(rs.getString("kind")), rs.getBytes("encrypted_token"), rs.getInt("attempts"));
  }
}
