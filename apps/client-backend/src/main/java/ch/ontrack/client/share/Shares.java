package ch.ontrack.client.share;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The shares table. */
@Repository
public class Shares {

    private static final String COLUMNS = "id, token_hash, provider_name, title, message, recipient_email, expires_at,"
            + " access_code_hash, failed_attempts, locked_at, revoked_at, language";

    private final JdbcClient jdbc;

    Shares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Share> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from shares where id = ?")
                .param(id)
                .query(Shares::map)
                .optional();
    }

    public Optional<Share> findByTokenHash(String tokenHash) {
        return jdbc.sql("select " + COLUMNS + " from shares where token_hash = ?")
                .param(tokenHash)
                .query(Shares::map)
                .optional();
    }

    /** Same as {@link #find} but holds the row until the transaction ends: attempts are counted exactly. */
    public Optional<Share> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from shares where id = ? for update")
                .param(id)
                .query(Shares::map)
                .optional();
    }

    /** Serialises deliveries of one share id, including the very first one. */
    public void lockId(String id) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("share:" + id)
                .query()
                .listOfRows();
    }

    public void insert(String id, ShareInput in, String codeHash) {
        jdbc.sql("""
            insert into shares (id, token_hash, provider_name, title, message, recipient_email,
                                expires_at, access_code_hash, language)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        in.tokenHash(),
                        in.providerName(),
                        in.title(),
                        in.message(),
                        in.recipientEmail(),
                        utc(in.expiresAt()),
                        codeHash,
                        in.language())
                .update();
    }

    public void update(String id, ShareInput in) {
        jdbc.sql("""
            update shares set token_hash = ?, provider_name = ?, title = ?, message = ?,
                              recipient_email = ?, expires_at = ?, language = ?
            where id = ?""")
                .params(
                        in.tokenHash(),
                        in.providerName(),
                        in.title(),
                        in.message(),
                        in.recipientEmail(),
                        utc(in.expiresAt()),
                        in.language(),
                        id)
                .update();
    }

    /** A new code lifts a lockout and ends the sessions opened with the old one, in one statement. */
    public boolean replaceAccessCode(String id, String codeHash) {
        return jdbc.sql("""
            with ended as (delete from share_sessions where share_id = ?)
            update shares set access_code_hash = ?, failed_attempts = 0, locked_at = null where id = ?""").params(id, codeHash, id).update() == 1;
    }

    public void recordFailure(String id, boolean lockNow) {
        jdbc.sql("update shares set failed_attempts = failed_attempts + 1,"
                        + " locked_at = case when ? then now() else locked_at end where id = ?")
                .params(lockNow, id)
                .update();
    }

    public void resetFailures(String id) {
        jdbc.sql("update shares set failed_attempts = 0 where id = ?").param(id).update();
    }

    public boolean revoke(String id) {
        jdbc.sql("delete from share_sessions where share_id = ?").param(id).update();
        return jdbc.sql("update shares set revoked_at = coalesce(revoked_at, now()) where id = ?")
                        .param(id)
                        .update()
                == 1;
    }

    public boolean changeExpiry(String id, Instant expiresAt) {
        return jdbc.sql("update shares set expires_at = ? where id = ?")
                        .params(utc(expiresAt), id)
                        .update()
                == 1;
    }

    /** Events and sessions go with the share (foreign keys cascade). */
    public void delete(String id) {
        jdbc.sql("delete from shares where id = ?").param(id).update();
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Share map(ResultSet rs, int row) throws SQLException {
        return new Share(
                rs.getString("id"),
                rs.getString("token_hash"),
                rs.getString("provider_name"),
                rs.getString("title"),
                rs.getString("message"),
                rs.getString("recipient_email"),
                instant(rs, "expires_at"),
                rs.getString("access_code_hash"),
                rs.getInt("failed_attempts"),
                instant(rs, "locked_at"),
                instant(rs, "revoked_at"),
                rs.getString("language"));
    }
}
