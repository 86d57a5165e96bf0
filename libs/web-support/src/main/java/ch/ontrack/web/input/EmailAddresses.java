package ch.ontrack.web.input;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * E-mail addresses as both backends keep them (docs/security.md, "Input that reaches people"): NFKC-normalised
 * (fullwidth {@code ＡＢＣ＠example.com} is {@code ABC@example.com}), trimmed, the domain in lower case; the local
 * part keeps its case, since only the receiving server may interpret it (RFC 5321, 2.4). Accounts compare whole
 * addresses case-insensitively. Deliverable means a dotted domain name, no IP literal, no quoted local part.
 */
public final class EmailAddresses {

    /** Atoms of RFC 5322 dot-atom plus any letter or digit of another script (RFC 6531). */
    private static final Pattern LOCAL =
            Pattern.compile("[\\p{L}\\p{N}\\p{M}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}\\p{M}!#$%&'*+/=?^_`{|}~-]+)*");

    private static final Pattern LABEL =
            Pattern.compile("[\\p{L}\\p{N}\\p{M}]([\\p{L}\\p{N}\\p{M}-]{0,61}[\\p{L}\\p{N}\\p{M}])?");
    private static final Pattern DIGITS = Pattern.compile("\\p{N}+");

    private EmailAddresses() {}

    /** The address as stored and compared; {@code null} stays {@code null}. */
    public static String normalise(String address) {
        if (address == null) {
            return null;
        }
        String text = Normalizer.normalize(address, Normalizer.Form.NFKC).strip();
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return text;
        }
        return text.substring(0, at) + "@" + text.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** True if the normalised address has one {@code @}, a plain local part and a dotted domain name. */
    public static boolean deliverable(String address) {
        if (address == null) {
            return false;
        }
        String text = normalise(address);
        int at = text.indexOf('@');
        if (at < 1 || at != text.lastIndexOf('@') || text.length() > 254) {
            return false;
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (local.length() > 64 || !LOCAL.matcher(local).matches() || domain.length() > 253) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // a top-level domain is never all digits: that is an IPv4 address, not a name
        return !DIGITS.matcher(labels[labels.length - 1]).matches();
    }
}
