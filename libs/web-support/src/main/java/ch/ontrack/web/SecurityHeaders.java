package ch.ontrack.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers every response carries, in one place: the services, the local gateway and
 * the production manifests use these values (parity tests compare them).
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /** For downloaded files: nothing in them may run, and they render sandboxed if opened inline. */
    public static final String DOWNLOAD_CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; object-src 'none'; sandbox; frame-ancestors 'self'";

    public static final Map<String, String> COMMON;

    static {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        COMMON = Map.copyOf(h);
    }

    private SecurityHeaders() {}
}
