package ch.ontrack.provider.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.provider.mail.MailSettings;
import ch.ontrack.provider.mail.MailTemplates;
import ch.ontrack.provider.mail.Mailer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The share e-mail in each language, sent over SMTP and read back: subject, plain text and HTML. */
class ShareMailTest {

    static GreenMail smtp;
    static ShareMailer mailer;

    // 23:30 UTC is already the next day in Zurich: the date must be the Swiss one.
    static final Instant EXPIRES = Instant.parse("2026-12-10T23:30:00Z");
    static final String LINK = "https://client.localhost:8443/s/abc_DEF-123";

    @BeforeAll
    static void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        var settings = new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), "", "", false, "no-reply@on-track.ch");
        mailer = new ShareMailer(new Mailer(
                settings, new MailTemplates(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
      de | Dokument von «Treuhand Muster AG» über OC Platform     | 3 Dateien | 11. Dezember 2026 | Dokument öffnen    | Freundliche Grüsse | nie per E-Mail | vom Absender und werden von OC Platform nicht geprüft | Absender: | «Jahresabschluss <2025>»
      fr | Document de «Treuhand Muster AG» via OC Platform       | 3 fichiers | 11 décembre 2026 | Ouvrir le document | Meilleures salutations | jamais envoyé par e-mail | de l’expéditeur et ne sont pas vérifiées par OC Platform | Expéditeur: | «Jahresabschluss <2025>»
      it | Documento da «Treuhand Muster AG» tramite OC Platform  | 3 file | 11 dicembre 2026 | Apri il documento  | Cordiali saluti | mai inviato per e-mail | dal mittente e non sono verificate da OC Platform | Mittente: | «Jahresabschluss <2025>»
      en | Document from “Treuhand Muster AG” via OC Platform     | 3 files | 11 December 2026 | Open the document | Kind regards | never sent by e-mail | Written by the sender, not checked by OC Platform | Sender: | “Jahresabschluss <2025>”
      """)
    void speaksTheRecipientsLanguageInSubjectTextAndHtml(
            String language,
            String subject,
            String files,
            String date,
            String button,
            String greeting,
            String noCode,
            String sendersWords,
            String sender,
            String title)
            throws Exception {
        String to = language + "@example.ch";
        mailer.send(language, to, "Treuhand Muster AG", "Jahresabschluss <2025>", LINK, EXPIRES, 3);

        MimeMessage mail = received(to);
        assertThat(mail.getSubject()).isEqualTo(subject);
        assertThat(mail.getHeader("Content-Language")).containsExactly(language);
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text)
                .contains(files, date, LINK, greeting, noCode, title, sendersWords, sender + " Treuhand Muster AG")
                .doesNotContain("ß");
        // what the provider wrote stands in the box that says so, not in our own sentences
        assertThat(html).contains(sendersWords, sender + " <strong>Treuhand Muster AG</strong>");
        assertThat(html)
                .contains(
                        "<html lang=\"" + language + "\">",
                        files,
                        date,
                        button,
                        greeting,
                        noCode,
                        "href=\"" + LINK + "\"");
        // what the provider typed is text in the HTML, never markup
        assertThat(html).contains("Jahresabschluss &lt;2025&gt;").doesNotContain("<2025>");
    }

    @org.junit.jupiter.api.Test
    void theSendersWordsStayOnOneLineWhateverWasStored() throws Exception {
        String to = "lines@example.ch";
        mailer.send("en", to, "Muster AG\r\n\r\nURGENT: pay now to CH00 0000", "Tax\u2028return", LINK, EXPIRES, 1);

        MimeMessage mail = received(to);
        assertThat(mail.getSubject())
                .isEqualTo("Document from “Muster AG URGENT: pay now to CH00 0000” via OC Platform");
        assertThat(part(mail, "text/plain").lines().map(String::strip))
                .contains("Sender: Muster AG URGENT: pay now to CH00 0000", "Title: “Tax return”");
    }

    @ParameterizedTest
    @CsvSource({"de, 1 Datei)", "fr, 1 fichier)", "it, 1 file)", "en, 1 file)", "xx, 1 Datei)"})
    void countsFilesByTheLanguagesPluralRulesAndFallsBackToGerman(String language, String oneFile) throws Exception {
        String to = "one-" + language + "@example.ch";
        mailer.send(language, to, "Muster", "Lohnausweis", LINK, EXPIRES, 1);
        assertThat(part(received(to), "text/plain")).contains(oneFile);
    }

    private static MimeMessage received(String to) {
        return smtp.getReceivedMessagesForDomain(to)[0];
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
