package ch.ontrack.launcher.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What a log may show of a request path: never a link token. {@code /api/shares/{token}/…} and
 * the client app's {@code /s/{token}} keep their shape with the token replaced by {@code [redacted]},
 * matched without regard to case, repeated slashes or percent-encoding (a token in a path the
 * backend would refuse is still a token); the query string is never shown. The production gateway
 * (Envoy, deploy/charts/oc-gateway) and nginx (apps/frontend-nginx) follow the same rule.
 */
public final class LogRedaction {

    public static final String REDACTED = "[redacted]";

    private static final Pattern SHARE_API = Pattern.compile("(?i)^(/+api/+shares/+)[^/;]+");
    private static final Pattern SHARE_PAGE = Pattern.compile("(?i)^(/+s/+)[^/;]+");

    private LogRedaction() {}

    /** The request target as a log may show it: {@code /api/shares/[redacted]/unlock}. */
    public static String path(String target) {
        if (target == null || target.isEmpty()) {
            return "";
        }
        int query = target.indexOf('?');
        String path = percentDecoded(query >= 0 ? target.substring(0, query) : target);
        path = SHARE_API.matcher(path).replaceFirst("$1" + REDACTED);
        return SHARE_PAGE.matcher(path).replaceFirst("$1" + REDACTED);
    }

    /** Lenient: a malformed escape stays as it is. */
    private static String percentDecoded(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder decoded = new StringBuilder(path.length());
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%'
                    && i + 2 < path.length()
                    && Character.digit(path.charAt(i + 1), 16) >= 0
                    && Character.digit(path.charAt(i + 2), 16) >= 0) {
                escaped.write(Character.digit(path.charAt(i + 1), 16) * 16 + Character.digit(path.charAt(i + 2), 16));
                i += 2;
                continue;
            }
            decoded.append(escaped.toString(StandardCharsets.UTF_8));
            escaped.reset();
            decoded.append(c);
        }
        return decoded.append(escaped.toString(StandardCharsets.UTF_8)).toString();
    }
}
