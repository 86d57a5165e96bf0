package ch.ontrack.client.file;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** File names as sent in X-File-Name (URL-encoded), made safe to store and to send back. */
final class FileNames {

  private static final int MAX_LENGTH = 200;

  private FileNames() {}

  static String sanitize(String encoded) {
    String name;
    try {
      name = URLDecoder.decode(encoded == null ? "" : encoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      name = encoded;
    }
    // keep the last path segment only; drop control and bidi-override characters
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.length() > MAX_LENGTH) {
      name = name.substring(name.length() - MAX_LENGTH);
    }
    // an unpaired surrogate (sent, or left by the cut) has no UTF-8 form: the database refuses it
    name = name.replaceAll("\\p{Cs}", "");
    return name.isBlank() ? "file" : name;
  }
}
