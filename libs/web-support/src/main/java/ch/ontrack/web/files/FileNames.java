package ch.ontrack.web.files;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The one rule for file names a user sent (the provider's upload, the internal API's X-File-Name): the
 * last path segment only; no control or format characters (they can hide the real extension); none of
 * {@code < > : " | ? *} (they break Content-Disposition or a Windows save); whitespace runs as one space;
 * no leading or trailing dots or spaces (no hidden files); NFC; at most {@value #MAX_LENGTH} characters,
 * keeping a short extension. Applying it twice changes nothing, so both backends may apply it.
 */
public final class FileNames {

    /** The internal API's header with the file name, URL-encoded UTF-8 ({@link #toHeader}, {@link #fromHeader}). */
    public static final String HEADER = "X-File-Name";

    public static final int MAX_LENGTH = 200;
    private static final int MAX_EXTENSION = 16;
    private static final String FALLBACK = "file";

    private FileNames() {}

    public static String sanitise(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "");
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        name = trimDotsAndSpaces(name.replaceAll("[<>:\"|?*]", "_").replaceAll("\\s+", " "));
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
            name = name.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        // an unpaired surrogate (sent, or left by the cut) has no UTF-8 form: the database refuses it
        name = trimDotsAndSpaces(name.replaceAll("\\p{Cs}", ""));
        return name.isEmpty() ? FALLBACK : name;
    }

    /** The value of {@link #HEADER} for a name: URL-encoded UTF-8, spaces as %20. */
    public static String toHeader(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A name read from {@link #HEADER}, made safe; a malformed encoding is taken as it is. */
    public static String fromHeader(String encoded) {
        if (encoded == null) {
            return sanitise(null);
        }
        try {
            return sanitise(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return sanitise(encoded);
        }
    }

    private static String trimDotsAndSpaces(String name) {
        return name.replaceAll("^[.\\s]+|[.\\s]+$", "");
    }
}
