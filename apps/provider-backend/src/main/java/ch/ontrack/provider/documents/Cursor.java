package ch.ontrack.provider.documents;

import ch.ontrack.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Opaque keyset position: the (created_at, id) of the last item of a page. */
record Cursor(Instant createdAt, UUID id) {

    private static final long MAX_MICROS = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() * 1_000_000L;

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String value) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(":", 2);
            long micros = Long.parseLong(parts[0]);
            // a position of this API lies after 1970 and before year 10000, which PostgreSQL can compare
            if (micros < 0 || micros > MAX_MICROS) {
                throw new IllegalArgumentException("out of range");
            }
            return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-cursor",
                    "Invalid cursor",
                    "The cursor is not one this API handed out.");
        }
    }
}
