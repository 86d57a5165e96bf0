package ch.ontrack.provider.mail;

import ch.ontrack.web.Languages;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders an e-mail from {@code mail/<name>/<language>.subject.txt}, {@code .txt} and {@code .html}
 * (ICU MessageFormat: plurals, dates and numbers in the reader's language) inside {@code mail/layout.html}.
 * Dates are shown in Swiss time; in the HTML every argument is escaped. See ADR 0272.
 */
@Component
public class MailTemplates {

    static final TimeZone ZURICH = TimeZone.getTimeZone("Europe/Zurich");

    public Mail render(String name, String language, Map<String, Object> args) {
        String lang = Languages.orDefault(language);
        ULocale locale = new ULocale(lang + "_CH");
        Map<String, Object> plain = prepare(args, locale, false);
        String subject = format(read(name + "/" + lang + ".subject.txt").strip(), locale, plain);
        String text = format(read(name + "/" + lang + ".txt"), locale, plain);
        String content = format(read(name + "/" + lang + ".html"), locale, prepare(args, locale, true));
        String html = read("layout.html")
                .replace("${lang}", lang)
                .replace("${subject}", HtmlUtils.htmlEscape(subject))
                .replace("${content}", content.strip());
        return new Mail(lang, subject, text, html);
    }

    private static String format(String pattern, ULocale locale, Map<String, Object> args) {
        return new MessageFormat(pattern, locale).format(args);
    }

    /** Instants become calendars in Swiss time (ICU formats them in the calendar's zone); text is escaped for HTML. */
    private static Map<String, Object> prepare(Map<String, Object> args, ULocale locale, boolean html) {
        Map<String, Object> result = new HashMap<>();
        args.forEach((key, value) -> {
            if (value instanceof Instant instant) {
                Calendar calendar = Calendar.getInstance(ZURICH, locale);
                calendar.setTimeInMillis(instant.toEpochMilli());
                result.put(key, calendar);
            } else if (value instanceof String text && html) {
                result.put(key, HtmlUtils.htmlEscape(text));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    private static String read(String path) {
        try (InputStream in = MailTemplates.class.getResourceAsStream("/mail/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No mail template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
