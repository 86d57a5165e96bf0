package ch.ontrack.provider.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The new-device notice in each language, for a named device and for one nobody could name. */
class NewSignInMailTest {

    private static final Instant TIME = Instant.parse("2026-12-03T17:45:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            de | Neue Anmeldung bei Ihrem Konto     | ein unbekanntes Gerät     | 3. Dezember 2026 | 18:45
            fr | Nouvelle connexion à votre compte  | un appareil inconnu       | 3 décembre 2026  | 18:45
            it | Nuovo accesso al suo conto         | un dispositivo sconosciuto | 3 dicembre 2026 | 18:45
            en | New sign-in to your account        | an unknown device         | 3 December 2026  | 18:45
            """)
    void namesTheDeviceTheAddressAndTheSwissTime(
            String language, String subject, String unknownDevice, String date, String time) {
        MailTemplates templates = new MailTemplates();
        Mail named = templates.render(
                "new-sign-in",
                language,
                Map.of("device", "Firefox on Windows", "address", "203.0.113.7", "time", TIME));
        assertThat(named.subject()).isEqualTo(subject);
        assertThat(named.text()).contains("Firefox on Windows", "203.0.113.7", date, time);
        assertThat(named.html()).contains("Firefox on Windows", "203.0.113.7", date, time);

        Mail unknown = templates.render(
                "new-sign-in", language, Map.of("device", "Unknown", "address", "<b>x</b>", "time", TIME));
        assertThat(unknown.text()).contains(unknownDevice).doesNotContain("Unknown");
        assertThat(unknown.html()).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x");
    }
}
