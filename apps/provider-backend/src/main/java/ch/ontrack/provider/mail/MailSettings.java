package ch.ontrack.provider.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, SMTP_STARTTLS and MAIL_FROM. */
@ConfigurationProperties("oc.mail")
public record MailSettings(
    String smtpHost, int smtpPort, String smtpUsername, String smtpPassword, boolean smtpStarttls, String from) {}
