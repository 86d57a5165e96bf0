package ch.ontrack.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.e2e.SharedPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One web app's strings in one language, read from its message file (apps/<app>/src/messages/<language>.ts). */
record Catalogue(String language, Map<String, String> messages) {

    private static final Pattern ENTRY = Pattern.compile("^  (\\w+): '((?:[^'\\\\]|\\\\.)*)',$", Pattern.MULTILINE);
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\w+(, number)?\\}");

    static Catalogue of(String app, String language) {
        Path file = SharedPlatform.repoRoot().resolve("apps/" + app + "/src/messages/" + language + ".ts");
        Map<String, String> messages = new LinkedHashMap<>();
        try {
            Matcher m = ENTRY.matcher(Files.readString(file));
            while (m.find()) {
                messages.put(m.group(1), m.group(2).replace("\\'", "'"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(messages).as(file.toString()).isNotEmpty();
        return new Catalogue(language, messages);
    }

    String get(String key) {
        String value = messages.get(key);
        assertThat(value).as(language + ": " + key).isNotNull();
        return value;
    }

    /** A message with its simple arguments filled in, e.g. {@code format("docDownloadLabel", "name", "a.pdf")}. */
    String format(String key, String... nameValue) {
        String text = get(key);
        for (int i = 0; i < nameValue.length; i += 2) {
            text = text.replace("{" + nameValue[i] + "}", nameValue[i + 1])
                    .replace("{" + nameValue[i] + ", number}", nameValue[i + 1]);
        }
        return text;
    }

    /**
     * The English messages that show in {@code visibleText} although this catalogue says otherwise for
     * the same key. Short ones must be a whole line (so "Send" does not match inside "Sender"), long
     * ones anywhere; arguments match any text; plural messages are left out.
     */
    List<String> englishLeftovers(Catalogue english, String visibleText) {
        List<String> lines = visibleText.lines().map(String::strip).toList();
        List<String> found = new ArrayList<>();
        english.messages.forEach((key, value) -> {
            if (value.equals(messages.get(key)) || value.contains(", plural,")) {
                return;
            }
            String literal = ARGUMENT.matcher(value).replaceAll("");
            if (literal.strip().length() < 3) {
                return;
            }
            Pattern pattern = Pattern.compile(ARGUMENT.splitAsStream(value)
                            .map(Pattern::quote)
                            .reduce((a, b) -> a + ".+?" + b)
                            .orElse("")
                    + (value.matches(".*\\{\\w+(, number)?\\}$") ? ".+" : ""));
            boolean shows = literal.length() >= 12
                    ? pattern.matcher(visibleText).find()
                    : lines.stream().anyMatch(line -> pattern.matcher(line).matches());
            if (shows) {
                found.add(key + ": " + value);
            }
        });
        return found;
    }
}
