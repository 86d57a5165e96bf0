package ch.ontrack.provider.documents;

import java.text.Normalizer;

/** Turns whatever the browser sent as a file name into a harmless one. */
final class FileNames {

  static final int MAX_LENGTH = 200;

  private FileNames() {}

  static String sanitise(String original) {
    String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    // control and bidi/format characters could hide the real extension
    name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "");
    name = name.replaceAll("[<>:\"|?*]", "_").replaceAll("\\s+", " ").strip();
    name = name.replaceFirst("^\\.+", "").strip();
    if (name.isEmpty()) {
      return "file";
    }
    if (name.length() > MAX_LENGTH) {
      int dot = name.lastIndexOf('.');
      String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
      name = name.substring(0, MAX_LENGTH - extension.length()).strip() + extension;
    }
    // an unpaired surrogate (sent, or left by the cut) has no UTF-8 form: the database refuses it
    name = name.replaceAll("\\p{Cs}", "");
    return name.isEmpty() ? "file" : name;
  }
}
