package ch.ontrack.web.input;

import java.text.Normalizer;

/**
 * Passwords are hashed and compared in Unicode NFC, so {@code Ångström} typed as one code point per letter or as
 * letter plus combining ring is the same password. Apply at sign-up, at
 * sign-in and at every change or check.
 */
public final class Passwords {

    private Passwords() {}

    public static String normalise(String password) {
        return password == null ? null : Normalizer.normalize(password, Normalizer.Form.NFC);
    }
}
