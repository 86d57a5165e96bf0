package ch.ontrack.provider.sharing;

import java.util.Properties;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/** Tells the recipient where the document is. The access code never goes by mail. */
@Component
class ShareMailer {

  private final MailSettings settings;
  private final JavaMailSender sender;

  ShareMailer(MailSettings settings) {
    this.settings = settings;
    this.sender = sender(settings);
  }

  void send(String recipient, String organisation, String title, String link) {
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(settings.from());
    mail.setTo(recipient);
    mail.setSubject(organisation + " sent you a document: " + title);
    mail.setText("""
        Hello,

        %s sent you a document: "%s".

        Open it here: %s

        You need an access code to open it. %s gives it to you separately (for example by phone or text message); \
        it is never sent by e-mail.

        OC Platform
        """.formatted(organisation, title, link, organisation));
    sender.send(mail);
  }

  private static JavaMailSenderImpl sender(MailSettings settings) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(settings.smtpHost());
    sender.setPort(settings.smtpPort());
    if (settings.smtpUsername() != null && !settings.smtpUsername().isBlank()) {
      sender.setUsername(settings.smtpUsername());
      sender.setPassword(settings.smtpPassword());
    }
    Properties properties = sender.getJavaMailProperties();
    properties.put("mail.smtp.auth", String.valueOf(sender.getUsername() != null));
    properties.put("mail.smtp.starttls.enable", String.valueOf(settings.smtpStarttls()));
    properties.put("mail.smtp.starttls.required", String.valueOf(settings.smtpStarttls()));
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    properties.put("mail.smtp.writetimeout", "10000");
    return sender;
  }
}
