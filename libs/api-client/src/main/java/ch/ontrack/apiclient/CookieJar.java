package ch.ontrack.apiclient;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cookies of one site, by name. Unlike {@link java.net.CookieManager} it also sends
 * {@code Secure} cookies over plain HTTP, because the backends' tests talk HTTP to a port while
 * the backends mark every cookie {@code Secure}.
 */
final class CookieJar {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    synchronized void remember(List<String> setCookieHeaders) {
        for (String setCookie : setCookieHeaders) {
            String[] parts = setCookie.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            if (value.isEmpty() || expired(parts)) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    synchronized String get(String name) {
        return cookies.get(name);
    }

    synchronized Map<String, String> all() {
        return Map.copyOf(cookies);
    }

    synchronized void clear() {
        cookies.clear();
    }

    /** The Cookie request header, or null when the jar is empty. */
    synchronized String header() {
        return cookies.isEmpty()
                ? null
                : cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; "));
    }

    /** Max-Age wins over Expires (RFC 6265, 5.3). */
    private static boolean expired(String[] attributes) {
        String expires = null;
        for (int i = 1; i < attributes.length; i++) {
            String attribute = attributes[i].trim();
            int eq = attribute.indexOf('=');
            String name =
                    (eq < 0 ? attribute : attribute.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : attribute.substring(eq + 1).trim();
            if (name.equals("max-age")) {
                try {
                    return Long.parseLong(value) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            if (name.equals("expires")) {
                expires = value;
            }
        }
        try {
            return expires != null
                    && ZonedDateTime.parse(expires, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant()
                            .isBefore(Instant.now());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
