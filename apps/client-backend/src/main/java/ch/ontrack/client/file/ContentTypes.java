package ch.ontrack.client.file;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Which files may be shown inline: PDF and common images, and only when the bytes agree. */
final class ContentTypes {

    static final String FALLBACK = MediaType.APPLICATION_OCTET_STREAM_VALUE;

    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "application/pdf", ascii("%PDF-"),
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/gif", ascii("GIF8"),
            "image/webp", ascii("RIFF"));

    private ContentTypes() {}

    /** The declared type without parameters, lower case; octet-stream when absent or invalid. */
    static String clean(String declared) {
        if (declared == null || declared.isBlank()) {
            return FALLBACK;
        }
        try {
            MediaType type = MediaType.parseMediaType(declared);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return FALLBACK;
            }
            return (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        } catch (InvalidMediaTypeException e) {
            return FALLBACK;
        }
    }

    static boolean inlineSafe(String contentType, byte[] head, int length) {
        byte[] signature = SIGNATURES.get(contentType);
        if (signature == null || length < signature.length) {
            return false;
        }
        if (!Arrays.equals(head, 0, signature.length, signature, 0, signature.length)) {
            return false;
        }
        // WebP is a RIFF container: the format tag sits at offset 8
        return !contentType.equals("image/webp") || (length >= 12 && Arrays.equals(head, 8, 12, ascii("WEBP"), 0, 4));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
