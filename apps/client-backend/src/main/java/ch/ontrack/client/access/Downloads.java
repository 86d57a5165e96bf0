package ch.ontrack.client.access;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/** Content-Disposition with an ASCII fallback and the exact name in RFC 6266 / RFC 8187 form. */
final class Downloads {

    private Downloads() {}

    static String contentDisposition(boolean inline, String fileName) {
        String fallback = fileName.replaceAll("[^\\x20-\\x7E]|[\"\\\\%]", "_");
        String encoded = UriUtils.encode(fileName, StandardCharsets.UTF_8);
        return (inline ? "inline" : "attachment") + "; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
