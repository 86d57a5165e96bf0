package ch.ontrack.provider.account;

import ch.ontrack.web.SealingKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * TOTP secrets sealed with AES-GCM before they reach the database. The key is derived with HKDF-SHA256 from
 * TOTP_ENCRYPTION_KEY, so even when that is the access-code key the two purposes never share a key (ADR 0305);
 * the account's id is bound as associated data, so a sealed secret cannot be moved to another account.
 */
@Component
class TotpSecrets {

    private static final byte[] INFO = "oc-platform totp secrets v1".getBytes(StandardCharsets.US_ASCII);
    private final SecureRandom random = new SecureRandom();
    private final SealingKey key;
    private final JdbcClient jdbc;

    TotpSecrets(AccountFlowSettings settings, JdbcClient jdbc) {
        this.jdbc = jdbc;
        byte[] raw = SealingKey.decode(settings.totpEncryptionKey(), "TOTP_ENCRYPTION_KEY");
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(raw, null, INFO));
        byte[] derived = new byte[32];
        hkdf.generateBytes(derived, 0, derived.length);
        key = SealingKey.of(derived);
    }

    /**
     * Before the backend reports ready: the key opens a stored secret, or start-up stops naming TOTP_ENCRYPTION_KEY
     * (which by default is ACCESS_CODE_ENCRYPTION_KEY: rotating that alone would lock every enrolled owner out).
     */
    @EventListener(ApplicationReadyEvent.class)
    void checkStoredSecrets() {
        jdbc.sql("""
                        select id, coalesce(totp_secret, totp_pending_secret) as sealed from provider
                        where totp_secret is not null or totp_pending_secret is not null limit 1""")
                .query((rs, row) -> {
                    key.checkOpens(
                            rs.getBytes("sealed"),
                            "totp:" + rs.getObject("id", UUID.class),
                            "TOTP_ENCRYPTION_KEY",
                            "two-factor secrets");
                    return true;
                })
                .optional();
    }

    /** 160 random bits, the length RFC 4226 recommends. */
    byte[] newSecret() {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return secret;
    }

    byte[] seal(byte[] secret, UUID providerId) {
        return key.seal(secret, "totp:" + providerId);
    }

    byte[] open(byte[] sealed, UUID providerId) {
        return key.open(sealed, "totp:" + providerId);
    }
}
