package ch.ontrack.web;

import java.util.List;
import java.util.Locale;

/**
 * The languages people read on the platform (ADR 0270) and how a request picks one: the first
 * supported language of its Accept-Language header, else German, the language most clients read.
 */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("de", "fr", "it", "en");
    public static final String DEFAULT = "de";
    /** For {@code @Pattern} on API fields. */
    public static final String PATTERN = "de|fr|it|en";

    private Languages() {}

    /** The language an Accept-Language header asks for; German when it names none of ours or is broken. */
    public static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String language = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                if (range.getWeight() > 0 && SUPPORTED.contains(language)) {
                    return language;
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header chooses nothing
        }
        return DEFAULT;
    }

    /** A stored or sent language, or the default when there is none. */
    public static String orDefault(String language) {
        return language != null && SUPPORTED.contains(language) ? language : DEFAULT;
    }
}
