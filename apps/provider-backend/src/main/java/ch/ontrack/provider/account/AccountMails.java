package ch.ontrack.provider.account;

import ch.ontrack.provider.mail.Mailer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The account's own mails, in its language: a link that works once (verification, reset) or a security notice.
 * Each carries no secret but its one link; the link's token sits in the URL's fragment, so it never reaches a
 * server log or a Referer header. Sent in the background: a request answers as fast whether or not a mail goes.
 */
@Component
class AccountMails {

    enum Notice {
        PASSWORD_CHANGED("password-changed"),
        TWO_FACTOR_ENABLED("two-factor-enabled"),
        TWO_FACTOR_DISABLED("two-factor-disabled"),
        EMAIL_CHANGED("email-changed"),
        NEW_SIGN_IN("new-sign-in");

        final String template;

        Notice(String template) {
            this.template = template;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AccountMails.class);
    private final Mailer mailer;
    private final String publicUrl;
    private final ThreadPoolExecutor executor =
            new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), runnable -> {
                Thread thread = new Thread(runnable, "account-mails");
                thread.setDaemon(true);
                return thread;
            });

    AccountMails(Mailer mailer, AccountFlowSettings settings) {
        this.mailer = mailer;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    void verification(String to, String language, String token, Instant expiresAt) {
        send(
                to,
                "verify-email",
                language,
                Map.of("link", publicUrl + "/verify-email#" + token, "expiresAt", expiresAt));
    }

    void reset(String to, String language, String token, Instant expiresAt) {
        send(
                to,
                "password-reset",
                language,
                Map.of("link", publicUrl + "/reset-password#" + token, "expiresAt", expiresAt));
    }

    void notice(String to, String language, Notice notice, Map<String, Object> args) {
        send(to, notice.template, language, args);
    }

    /** Runs the work and then the mail in the background (a reset does its database work there too). */
    void later(Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("Account mail not sent: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Account mail dropped: too many waiting");
        }
    }

    private void send(String to, String template, String language, Map<String, Object> args) {
        later(() -> {
            mailer.send(to, template, language, args);
            log.info("Account mail {} sent", template);
        });
    }
}
