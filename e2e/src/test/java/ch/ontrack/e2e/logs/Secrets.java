package ch.ontrack.e2e.logs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The secrets a test run created, by kind, and where a text shows one of them. */
final class Secrets {

    /** Shorter values (a cookie "1", an empty password) would match by chance; none of ours is. */
    private static final int SHORTEST = 8;

    private final Map<String, String> kinds = new LinkedHashMap<>();
    String providerEmail;

    void add(String kind, String value) {
        if (value == null || value.length() < SHORTEST) {
            throw new IllegalArgumentException(kind + " is too short to be searched for: '" + value + "'");
        }
        kinds.putIfAbsent(value, kind);
    }

    /** Cookie values; XSRF-TOKEN is a secret of the session too. */
    void addCookies(String kind, Map<String, String> cookies) {
        if (cookies.isEmpty()) {
            throw new IllegalArgumentException("no " + kind + " was set");
        }
        cookies.forEach((name, value) -> add(kind + " " + name, value));
    }

    int count() {
        return kinds.size();
    }

    /** One sentence per secret {@code text} holds, in any of the spellings a log could show it. */
    List<String> foundIn(String source, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> hits = new ArrayList<>();
        kinds.forEach((value, kind) -> {
            for (String spelling : spellings(value, kind)) {
                if (lower.contains(spelling.toLowerCase(Locale.ROOT))) {
                    hits.add(source + " contains a " + kind + " (as '" + abbreviated(spelling) + "')");
                    return;
                }
            }
        });
        return hits;
    }

    private static Set<String> spellings(String value, String kind) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(value);
        spellings.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        spellings.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        if (kind.startsWith("access code")) { // accepted without dashes or with spaces
            spellings.add(value.replace("-", ""));
            spellings.add(value.replace("-", " "));
        }
        return spellings;
    }

    /** Enough to find it again, not the whole secret in a build log. */
    private static String abbreviated(String secret) {
        return secret.substring(0, 4) + "…" + secret.substring(secret.length() - 2);
    }
}
