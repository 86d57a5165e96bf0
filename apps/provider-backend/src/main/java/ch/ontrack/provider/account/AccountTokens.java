package ch.ontrack.provider.account;

import ch.ontrack.web.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** The single-use links of the account flows: 256 random bits, stored only as base64url(sha256). */
@Repository
class AccountTokens {

    enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD
    }

    record Issued(String token, Instant expiresAt) {}

    record Redeemed(UUID providerId, String email) {}

    private final JdbcClient jdbc;

    AccountTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new link for this purpose; earlier links of the same purpose stop working. */
    Issued issue(UUID providerId, Purpose purpose, String email, Duration validity) {
        String token = Tokens.random();
        Instant expiresAt = Instant.now().plus(validity);
        jdbc.sql("delete from account_token where provider_id = ? and purpose = ?")
                .params(providerId, purpose.name())
                .update();
        jdbc.sql(
                        "insert into account_token (token_hash, provider_id, purpose, email, expires_at) values (?, ?, ?, ?, ?)")
                .params(Tokens.hash(token), providerId, purpose.name(), email, java.sql.Timestamp.from(expiresAt))
                .update();
        return new Issued(token, expiresAt);
    }

    /** Removes the link whatever its state, so it works once; empty when unknown, used, expired or of another purpose. */
    Optional<Redeemed> redeem(String token, Purpose purpose) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
        delete from account_token where token_hash = ? and purpose = ?
        returning provider_id, email, expires_at > now() as valid""")
                .params(Tokens.hash(token), purpose.name())
                .query((rs, n) -> rs.getBoolean("valid")
                        ? Optional.of(new Redeemed(rs.getObject("provider_id", UUID.class), rs.getString("email")))
                        : Optional.<Redeemed>empty())
                .optional()
                .flatMap(r -> r);
    }

    void forget(UUID providerId, Purpose purpose) {
        jdbc.sql("delete from account_token where provider_id = ? and purpose = ?")
                .params(providerId, purpose.name())
                .update();
    }

    @Scheduled(fixedDelay = 3_600_000)
    void forgetExpired() {
        jdbc.sql("delete from account_token where expires_at < now()").update();
    }
}
