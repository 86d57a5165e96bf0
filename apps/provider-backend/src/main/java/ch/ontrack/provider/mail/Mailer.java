package ch.ontrack.provider.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Properties;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends every e-mail of the provider backend in the reader's language, as plain text with an HTML alternative. */
@Component
public class Mailer {

    private final MailSettings settings;
    private final MailTemplates templates;
    private final JavaMailSenderImpl sender;
    private final MeterRegistry meters;

    public Mailer(MailSettings settings, MailTemplates templates, MeterRegistry meters) {
        this.settings = settings;
        this.templates = templates;
        this.sender = sender(settings);
        this.meters = meters;
    }

    /** Registers oc_mail_total for a template at 0, so its failure ratio exists before the first mail. */
    public void expect(String template) {
        counter("sent", template);
        counter("failed", template);
    }

    /** Renders {@code template} in {@code language} (de, fr, it, en; anything else: German) and sends it. */
    public void send(String recipient, String template, String language, Map<String, Object> args) {
        try {
            deliver(recipient, template, language, args);
        } catch (RuntimeException e) {
            counter("failed", template).increment();
            throw e;
        }
        counter("sent", template).increment();
    }

    private Counter counter(String outcome, String template) {
        // template names are the classpath folders under mail/: a bounded set
        return Counter.builder("oc.mail")
                .description("E-mails by outcome and template")
                .tag("outcome", outcome)
                .tag("template", template)
                .register(meters);
    }

    private void deliver(String recipient, String template, String language, Map<String, Object> args) {
        Mail mail = templates.render(template, language, args);
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(recipient);
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            message.setHeader("Content-Language", mail.language());
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
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
