package ch.ontrack.provider.mail;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD (both empty: no SMTP authentication), SMTP_STARTTLS and MAIL_FROM. */
@Validated
@ConfigurationProperties("oc.mail")
public record MailSettings(
        @NotBlank(message = "SMTP_HOST must not be empty") String smtpHost,
        @Positive(message = "SMTP_PORT must be positive") int smtpPort,
        String smtpUsername,
        String smtpPassword,
        boolean smtpStarttls,
        @NotBlank(message = "MAIL_FROM must not be empty") String from) {}
