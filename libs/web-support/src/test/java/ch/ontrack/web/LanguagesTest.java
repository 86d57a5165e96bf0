package ch.ontrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void takesTheFirstSupportedLanguageByWeight() {
        assertThat(Languages.fromAcceptLanguage("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7"))
                .isEqualTo("fr");
        assertThat(Languages.fromAcceptLanguage("es-ES, it-CH;q=0.8, de;q=0.9")).isEqualTo("de");
        assertThat(Languages.fromAcceptLanguage("en-GB")).isEqualTo("en");
    }

    @Test
    void fallsBackToGermanForNothingUsableOrBrokenHeaders() {
        assertThat(Languages.fromAcceptLanguage(null)).isEqualTo("de");
        assertThat(Languages.fromAcceptLanguage("ja, es;q=0.5")).isEqualTo("de");
        assertThat(Languages.fromAcceptLanguage("fr;q=0")).isEqualTo("de");
        assertThat(Languages.fromAcceptLanguage(";;;q=x")).isEqualTo("de");
    }

    @Test
    void keepsOnlyKnownStoredLanguages() {
        assertThat(Languages.orDefault("it")).isEqualTo("it");
        assertThat(Languages.orDefault("xx")).isEqualTo("de");
        assertThat(Languages.orDefault(null)).isEqualTo("de");
    }
}
