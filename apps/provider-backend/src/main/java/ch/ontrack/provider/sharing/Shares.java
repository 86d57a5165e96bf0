package ch.ontrack.provider.sharing;

import ch.ontrack.provider.system.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Share rows. Lookups by the provider's request are scoped to the provider; the worker's are not. */
@Repository
class Shares {

    record Row(
            UUID id,
            UUID providerId,
            UUID documentId,
            UUID clientId,
            String recipientEmail,
            String tokenHash,
            Instant expiresAt,
            Instant createdAt,
            Instant deliveredAt,
            Instant revokedAt,
            byte[] encryptedCode,
            String eventsJson,
            String language,
            Instant deliveryFailedAt,
            String deliveryFailure,
            int deliveryAttempts) {}

    private static final String COLUMNS = "id, provider_id, document_id, client_id, recipient_email, token_hash,"
            + " expires_at, created_at, delivered_at, revoked_at, encrypted_code, events_json, language,"
            + " delivery_failed_at, delivery_failure, delivery_attempts";
    private final JdbcClient jdbc;

    Shares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id,
            UUID providerId,
            UUID documentId,
            UUID clientId,
            String email,
            String tokenHash,
            Instant expiresAt,
            String language) {
        jdbc.sql("insert into share (id, provider_id, document_id, client_id, recipient_email, token_hash, expires_at,"
                        + " language) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, providerId, documentId, clientId, email, tokenHash, Timestamps.param(expiresAt), language)
                .update();
    }

    Optional<Row> find(UUID providerId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from share where provider_id = ? and id = ?")
                .params(providerId, id)
                .query(Shares::row)
                .optional();
    }

    Optional<Row> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from share where id = ?")
                .param(id)
                .query(Shares::row)
                .optional();
    }

    List<Row> ofDocument(UUID providerId, UUID documentId) {
        return jdbc.sql("select " + COLUMNS + " from share where provider_id = ? and document_id = ?"
                        + " order by created_at desc, id desc")
                .params(providerId, documentId)
                .query(Shares::row)
                .list();
    }

    /**
     * Delivered, unrevoked shares whose events may have changed since they were last fetched (never fetched, or
     * last fetched before they expired), least recently fetched first.
     */
    List<Row> withOpenEvents(UUID providerId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from share where provider_id = ? and delivered_at is not null"
                        + " and revoked_at is null and (events_at is null or events_at < expires_at)"
                        + " order by events_at nulls first, id limit ?")
                .params(providerId, limit)
                .query(Shares::row)
                .list();
    }

    List<UUID> idsOfDocument(UUID documentId) {
        return jdbc.sql("select id from share where document_id = ?")
                .param(documentId)
                .query(UUID.class)
                .list();
    }

    List<UUID> idsOfProvider(UUID providerId) {
        return jdbc.sql("select id from share where provider_id = ?")
                .param(providerId)
                .query(UUID.class)
                .list();
    }

    /** Records the delivery; the time since the send (both database clock readings). */
    java.time.Duration markDelivered(UUID id, byte[] encryptedCode) {
        return jdbc.sql("update share set delivered_at = now(), encrypted_code = ? where id = ?"
                        + " returning (extract(epoch from delivered_at - created_at) * 1000)::bigint")
                .params(encryptedCode, id)
                .query(Long.class)
                .optional()
                .map(java.time.Duration::ofMillis)
                .orElse(java.time.Duration.ZERO);
    }

    /** The client backend refused the delivery for good: the reason and the attempts so far, for the provider. */
    void markDeliveryFailed(UUID id, String reason, int attempts) {
        jdbc.sql(
                        "update share set delivery_failed_at = now(), delivery_failure = ?, delivery_attempts = ? where id = ?")
                .params(reason, attempts, id)
                .update();
    }

    void clearDeliveryFailure(UUID id) {
        jdbc.sql("update share set delivery_failed_at = null, delivery_failure = null where id = ?")
                .param(id)
                .update();
    }

    void storeCode(UUID id, byte[] encryptedCode) {
        jdbc.sql("update share set encrypted_code = ? where id = ?")
                .params(encryptedCode, id)
                .update();
    }

    /** Within a transaction: takes the waiting code out, so it is revealed at most once. */
    Optional<byte[]> takeCode(UUID providerId, UUID id) {
        Optional<byte[]> code = jdbc.sql("select encrypted_code from share where provider_id = ? and id = ?"
                        + " and encrypted_code is not null for update")
                .params(providerId, id)
                .query(byte[].class)
                .optional();
        code.ifPresent(c -> storeCode(id, null));
        return code;
    }

    void markRevoked(UUID id) {
        jdbc.sql("update share set revoked_at = coalesce(revoked_at, now()), encrypted_code = null where id = ?")
                .param(id)
                .update();
    }

    void changeExpiry(UUID id, Instant expiresAt) {
        jdbc.sql("update share set expires_at = ? where id = ?")
                .params(Timestamps.param(expiresAt), id)
                .update();
    }

    void storeEvents(UUID id, String eventsJson) {
        jdbc.sql("update share set events_json = ?, events_at = now() where id = ?")
                .params(eventsJson, id)
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("provider_id", UUID.class),
                rs.getObject("document_id", UUID.class),
                rs.getObject("client_id", UUID.class),
                rs.getString("recipient_email"),
                rs.getString("token_hash"),
                Timestamps.read(rs, "expires_at"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "delivered_at"),
                Timestamps.read(rs, "revoked_at"),
                rs.getBytes("encrypted_code"),
                rs.getString("events_json"),
                rs.getString("language"),
                Timestamps.read(rs, "delivery_failed_at"),
                rs.getString("delivery_failure"),
                rs.getInt("delivery_attempts"));
    }
}
