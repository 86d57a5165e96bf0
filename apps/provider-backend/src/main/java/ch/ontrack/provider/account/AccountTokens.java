package ch.ontrack.provider.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** The single-use links of the account flows: 256 random bits, stored only as base64url(sha256). */
@Repository
class AccountTokens {

  enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

  record Issued(String token, Instant expiresAt) {}

  record Redeemed(UUID providerId, String email) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private final JdbcClient jdbc;

  AccountTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new link for this purpose; earlier links of the same purpose stop working. */
  Issued issue(UUID providerId, Purpose purpose, String email, Duration validity) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant expiresAt = Instant.now().plus(validity);
    jdbc.sql("delete from account_token where provider_id = ? and purpose = ?").params(providerId, purpose.name())
        .update();
    jdbc.sql("insert into account_token (token_hash, provider_id, purpose, email, expires_at) values (?, ?, ?, ?, ?)")
        .params(hash(token), providerId, purpose.name(), email, java.sql.Timestamp.from(expiresAt))
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
        .params(hash(token), purpose.name())
        .query((rs, n) -> rs.getBoolean("valid")
            ? Optional.of(new Redeemed(rs.getObject("provider_id", UUID.class), rs.getString("email")))
            : Optional.<Redeemed>empty())
        .optional()
        .flatMap(r -> r);
  }

  void forget(UUID providerId, Purpose purpose) {
    jdbc.sql("delete from account_token where provider_id = ? and purpose = ?").params(providerId, purpose.name())
        .update();
  }

  @Scheduled(fixedDelay = 3_600_000)
  void forgetExpired() {
    jdbc.sql("delete from account_token where expires_at < now()").update();
  }

  /** base64url(sha256(token)) without padding. */
  static String hash(String token) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(token));
  }

  static String sha256Hex(String value) {
    return HexFormat.of().formatHex(sha256(value));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
