package ch.ontrack.provider.account;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * PROVIDER_PUBLIC_URL (the links in the account mails point there), TOTP_ENCRYPTION_KEY (base64 of 32 bytes; by
 * default ACCESS_CODE_ENCRYPTION_KEY's value, from which a key of its own is derived: ADR 0305) and
 * EMAIL_VERIFICATION_REQUIRED (true; false only where no mail server runs, e.g. the kind cluster: ADR 0306).
 */
@Validated
@ConfigurationProperties("oc.account-flow")
record AccountFlowSettings(
        @NotBlank(message = "PROVIDER_PUBLIC_URL must not be empty")
        String publicUrl,

        @NotBlank(message = "TOTP_ENCRYPTION_KEY must not be empty")
        String totpEncryptionKey,

        boolean emailVerificationRequired) {}
