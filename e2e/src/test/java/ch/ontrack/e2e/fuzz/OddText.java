package ch.ontrack.e2e.fuzz;

import java.util.List;
import org.instancio.Random;

/** Strings that break naive code: NUL and control characters, odd Unicode, huge lengths, injections. */
final class OddText {

    private static final List<String> PIECES = List.of(
            "\u0000",
            "a\u0000b",
            "\u0001\u0002\u0003\u001b[31m",
            "\r\n",
            "\t",
            "\u007f",
            "\u0085",
            "\ud800",
            "\udfff",
            "x\udc00y", // lone surrogates
            "\u202eevil.pdf",
            "\u200f\u05e9\u05dc\u05d5\u05dd",
            "\u0627\u0644\u0633\u0644\u0627\u0645", // right to left
            "e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a",
            "Z\u0336\u0337\u0338", // combining marks
            "\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67\u200d\ud83d\udc66",
            "\ud83d\ude00",
            "\ud83c\udff3\ufe0f\u200d\ud83c\udf08",
            "\uff46\uff55\uff4c\uff4c\uff20\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45\uff0e\uff43\uff4f\uff4d", // fullwidth
            "\ufeff",
            "\u200b",
            "\u2028\u2029",
            "\ufffd",
            "\uffff",
            "\u00ad",
            "' OR '1'='1' --",
            "\"; DROP TABLE clients; --",
            "<script>alert(1)</script>",
            "${jndi:ldap://x/a}",
            "../../../../etc/passwd",
            "%00",
            "%2e%2e%2f",
            "\\\\server\\share",
            "{{7*7}}",
            "NaN",
            "-0",
            "1e309",
            "null",
            "true",
            "[]",
            "{}",
            "",
            " ",
            "  \u00a0 ");

    private OddText() {}

    static String next(Random random) {
        return switch (random.intRange(0, 9)) {
            case 0 -> huge(random);
            case 1 -> random.alphanumeric(random.intRange(0, 300));
            case 2 ->
                random.stringOf(
                        random.intRange(1, 40),
                        '\u0000',
                        '\u0001',
                        '\u001f',
                        '\u007f',
                        '\ud800',
                        '\u202e',
                        '\u0301',
                        '\uff21',
                        '\ufeff',
                        'a',
                        '"',
                        '\\',
                        '/',
                        '%');
            default -> mix(random);
        };
    }

    /** 100 thousand to 2 million characters: larger than any column, maybe larger than a limit. */
    static String huge(Random random) {
        String unit = random.oneOf("a", "\u00e9", "\ud83d\ude00", "\u0000", "\\");
        return unit.repeat(random.intRange(100_000, 2_000_000) / unit.length());
    }

    private static String mix(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.intRange(1, 4); i > 0; i--) {
            s.append(random.oneOf(PIECES));
            if (random.trueOrFalse()) {
                s.append(random.alphanumeric(random.intRange(0, 8)));
            }
        }
        return s.toString();
    }
}
