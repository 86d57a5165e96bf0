package ch.ontrack.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The English-leftover check of the language browser test, on texts we know the answer for. */
class CatalogueTest {

    Catalogue english = new Catalogue(
            "en",
            Map.of(
                    "open",
                    "Open document",
                    "from",
                    "From {provider}",
                    "message",
                    "Message",
                    "wrong",
                    "This access code is not correct.",
                    "left",
                    "{count, plural, one {# attempt} other {# attempts}}",
                    "named",
                    "{name} uploaded."));
    Catalogue french = new Catalogue(
            "fr",
            Map.of(
                    "open",
                    "Ouvrir le document",
                    "from",
                    "De {provider}",
                    "message",
                    "Message",
                    "wrong",
                    "Ce code d’accès est incorrect.",
                    "left",
                    "{count, plural, one {# essai} other {# essais}}",
                    "named",
                    "{name} téléversé."));

    @Test
    void findsShortMessagesAsWholeLinesLongOnesAnywhereAndArgumentsAsAnyText() {
        String screen =
                "Open document\nDe Treuhand AG\nFrom Treuhand AG\nErreur: This access code is not correct. Merci\n"
                        + "abschluss.pdf uploaded.";
        assertThat(french.englishLeftovers(english, screen))
                .containsExactlyInAnyOrder(
                        "open: Open document",
                        "from: From {provider}",
                        "wrong: This access code is not correct.",
                        "named: {name} uploaded.");
    }

    @Test
    void acceptsWordsThatAreTheSameInBothLanguagesAndShortWordsInsideOthers() {
        assertThat(french.englishLeftovers(english, "Message\nOuvrir le document\nReopen documents today"))
                .isEmpty();
    }
}
