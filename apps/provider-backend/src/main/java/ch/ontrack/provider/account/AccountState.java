package ch.ontrack.provider.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the account flows keep on the provider row: verification, language, second factor, passwords. */
@Repository
class AccountState {

    record State(
            UUID id,
            String email,
            String organisation,
            String language,
            boolean emailVerified,
            boolean requireTwoFactor,
            byte[] totpSecret,
            byte[] pendingTotpSecret,
            String passwordHash) {

        boolean twoFactorEnabled() {
            return totpSecret != null;
        }
    }

    private final JdbcClient jdbc;

    AccountState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<State> of(UUID id) {
        return jdbc.sql("""
        select id, email, organisation, language, email_verified_at is not null as verified, require_two_factor,
          totp_secret, totp_pending_secret, password_hash from provider where id = ?""")
                .param(id)
                .query((rs, n) -> new State(
                        rs.getObject("id", UUID.class),
                        rs.getString("email"),
                        rs.getString("organisation"),
                        rs.getString("language"),
                        rs.getBoolean("verified"),
                        rs.getBoolean("require_two_factor"),
                        rs.getBytes("totp_secret"),
                        rs.getBytes("totp_pending_secret"),
                        rs.getString("password_hash")))
                .optional();
    }

    void setLanguage(UUID id, String language) {
        jdbc.sql("update provider set language = ? where id = ?")
                .params(language, id)
                .update();
    }

    /** The address the link went to becomes the account's, verified; false when another account has it now. */
    boolean verify(UUID id, String email) {
        return jdbc.sql("""
        update provider set email = ?, email_verified_at = now() where id = ?
          and not exists (select 1 from provider other where lower(other.email) = lower(?) and other.id <> ?)""").params(email, id, email, id).update() == 1;
    }

    boolean emailTaken(String email, UUID except) {
        return jdbc.sql("select count(*) from provider where lower(email) = lower(?) and id <> ?")
                        .params(email, except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void setPassword(UUID id, String hash) {
        jdbc.sql("update provider set password_hash = ? where id = ?")
                .params(hash, id)
                .update();
    }

    void setOrganisation(UUID id, String organisation) {
        jdbc.sql("update provider set organisation = ? where id = ?")
                .params(organisation, id)
                .update();
    }

    void setRequireTwoFactor(UUID id, boolean require) {
        jdbc.sql("update provider set require_two_factor = ? where id = ?")
                .params(require, id)
                .update();
    }

    void setPendingTotpSecret(UUID id, byte[] sealed) {
        jdbc.sql("update provider set totp_pending_secret = ? where id = ?")
                .params(sealed, id)
                .update();
    }

    /** The pending secret becomes the account's, its confirming code's step already used. */
    void enableTotp(UUID id, long step) {
        jdbc.sql("""
        update provider set totp_secret = totp_pending_secret, totp_pending_secret = null, totp_enabled_at = now(),
          totp_last_step = ? where id = ? and totp_pending_secret is not null""").params(step, id).update();
    }

    /** Marks a time step used; false when it or a later one was used already (a replayed code). */
    boolean useTotpStep(UUID id, long step) {
        return jdbc.sql(
                                "update provider set totp_last_step = ? where id = ? and (totp_last_step is null or totp_last_step < ?)")
                        .params(step, id, step)
                        .update()
                == 1;
    }

    void disableTotp(UUID id) {
        jdbc.sql("""
        update provider set totp_secret = null, totp_pending_secret = null, totp_enabled_at = null,
          totp_last_step = null where id = ?""").param(id).update();
        jdbc.sql("delete from recovery_code where provider_id = ?").param(id).update();
    }

    void replaceRecoveryCodes(UUID id, Iterable<String> hashes) {
        jdbc.sql("delete from recovery_code where provider_id = ?").param(id).update();
        for (String hash : hashes) {
            jdbc.sql("insert into recovery_code (provider_id, code_hash) values (?, ?)")
                    .params(id, hash)
                    .update();
        }
    }

    /** Removes the code, so it works once. */
    boolean useRecoveryCode(UUID id, String hash) {
        return jdbc.sql("delete from recovery_code where provider_id = ? and code_hash = ?")
                        .params(id, hash)
                        .update()
                == 1;
    }

    int recoveryCodesLeft(UUID id) {
        return jdbc.sql("select count(*) from recovery_code where provider_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }
}
