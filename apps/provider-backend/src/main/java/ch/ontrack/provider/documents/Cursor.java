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

  String encode() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((micros + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  static Cursor decode(String value) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(":", 2);
      return new Cursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS), UUID.fromString(parts[1]));
    } catch (RuntimeException e) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
          "The cursor is not one this API handed out.");
    }
  }
}
