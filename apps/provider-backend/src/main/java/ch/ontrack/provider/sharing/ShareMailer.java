package ch.ontrack.provider.sharing;

import ch.ontrack.provider.mail.Mailer;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tells the recipient, in their language, where the document is. The access code never goes by mail. */
@Component
class ShareMailer {

    static final String TEMPLATE = "share-link";

    private final Mailer mailer;

    ShareMailer(Mailer mailer) {
        this.mailer = mailer;
        mailer.expect(TEMPLATE);
    }

    void send(
            String language,
            String recipient,
            String organisation,
            String title,
            String link,
            Instant expiresAt,
            int fileCount) {
        mailer.send(
                recipient,
                TEMPLATE,
                language,
                Map.of(
                        "organisation",
                        oneLine(organisation),
                        "title",
                        oneLine(title),
                        "link",
                        link,
                        "expiresAt",
                        expiresAt,
                        "fileCount",
                        fileCount));
    }

    /**
     * The sender's words stay on one line, however they were stored (rows from before the API refused line breaks):
     * they cannot start paragraphs of their own in a mail from us.
     */
    static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]+", " ")
                .strip();
    }
}
