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
    mailer = new ShareMailer(new Mailer(settings, new MailTemplates(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
  }

  @AfterAll
  static void stop() {
    smtp.stop();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      de | Treuhand Muster AG hat Ihnen ein Dokument gesendet: Jahresabschluss <2025> | 3 Dateien | 11. Dezember 2026 | Dokument öffnen    | Freundliche Grüsse | nie per E-Mail
      fr | Treuhand Muster AG vous a envoyé un document: Jahresabschluss <2025>    | 3 fichiers | 11 décembre 2026 | Ouvrir le document | Meilleures salutations | jamais envoyé par e-mail
      it | Treuhand Muster AG Le ha inviato un documento: Jahresabschluss <2025>   | 3 file | 11 dicembre 2026 | Apri il documento  | Cordiali saluti | mai inviato per e-mail
      en | Treuhand Muster AG sent you a document: Jahresabschluss <2025>          | 3 files | 11 December 2026 | Open the document | Kind regards | never sent by e-mail
      """)
  void speaksTheRecipientsLanguageInSubjectTextAndHtml(String language, String subject, String files, String date,
      String button, String greeting, String noCode) throws Exception {
    String to = language + "@example.ch";
    mailer.send(language, to, "Treuhand Muster AG", "Jahresabschluss <2025>", LINK, EXPIRES, 3);

    MimeMessage mail = received(to);
    assertThat(mail.getSubject()).isEqualTo(subject);
    assertThat(mail.getHeader("Content-Language")).containsExactly(language);
    String text = part(mail, "text/plain");
    String html = part(mail, "text/html");
    assertThat(text).contains(files, date, LINK, greeting, noCode, "Jahresabschluss <2025>").doesNotContain("ß");
    assertThat(html).contains("<html lang=\"" + language + "\">", files, date, button, greeting, noCode,
        "href=\"" + LINK + "\"");
    // what the provider typed is text in the HTML, never markup
    assertThat(html).contains("Jahresabschluss &lt;2025&gt;").doesNotContain("<2025>");
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
