package ch.ontrack.provider.sharing;

import ch.ontrack.web.SealingKey;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** AES-GCM for what must wait in the database (codes, tokens to mail), with ACCESS_CODE_ENCRYPTION_KEY. */
@Component
class Secrets {

    private final SealingKey key;

    Secrets(SharingSettings settings) {
        key = SealingKey.of(SealingKey.decode(settings.accessCodeEncryptionKey(), "ACCESS_CODE_ENCRYPTION_KEY"));
    }

    /** The context (e.g. "code:" + share id) is bound as associated data: a value cannot be moved to another row. */
    byte[] seal(String plain, String context) {
        return key.seal(plain.getBytes(StandardCharsets.UTF_8), context);
    }

    String open(byte[] sealed, String context) {
        return new String(key.open(sealed, context), StandardCharsets.UTF_8);
    }
}
