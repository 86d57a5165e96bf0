package ch.ontrack.provider.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * PROVIDER_PUBLIC_URL (the links in the account mails point there) and TOTP_ENCRYPTION_KEY (base64 of 32
 * bytes; by default ACCESS_CODE_ENCRYPTION_KEY's value, from which a key of its own is derived: ADR 0305).
 */
@ConfigurationProperties("oc.account-flows")
record AccountFlowSettings(String publicUrl, String totpEncryptionKey) {}
