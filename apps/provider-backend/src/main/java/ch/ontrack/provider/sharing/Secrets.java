package ch.ontrack.provider.sharing;

import ch.ontrack.web.SealingKey;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** AES-GCM for what must wait in the database (codes, tokens to mail), with ACCESS_CODE_ENCRYPTION_KEY. */
@Component
class Secrets {

    private final SealingKey key;
    private final JdbcClient jdbc;

    Secrets(SharingSettings settings, JdbcClient jdbc) {
        this.jdbc = jdbc;
        key = SealingKey.of(SealingKey.decode(settings.accessCodeEncryptionKey(), "ACCESS_CODE_ENCRYPTION_KEY"));
    }

    /**
     * Before the backend reports ready: the key opens a stored access code and a link waiting for delivery, or
     * start-up stops naming ACCESS_CODE_ENCRYPTION_KEY, instead of failing each of them when it is needed.
     */
    @EventListener(ApplicationReadyEvent.class)
    void checkStoredSecrets() {
        check("select id, encrypted_code from share where encrypted_code is not null limit 1", "code:", "access codes");
        check(
                "select share_id, encrypted_token from outbox where encrypted_token is not null limit 1",
                "token:",
                "links waiting for delivery");
    }

    private void check(String sql, String context, String what) {
        jdbc.sql(sql)
                .query((rs, row) -> {
                    key.checkOpens(
                            rs.getBytes(2), context + rs.getObject(1, UUID.class), "ACCESS_CODE_ENCRYPTION_KEY", what);
                    return true;
                })
                .optional();
    }

    /** The context (e.g. "code:" + share id) is bound as associated data: a value cannot be moved to another row. */
    byte[] seal(String plain, String context) {
        return key.seal(plain.getBytes(StandardCharsets.UTF_8), context);
    }

    String open(byte[] sealed, String context) {
        return new String(key.open(sealed, context), StandardCharsets.UTF_8);
    }
}
