package ch.ontrack.provider.audit;

/**
 * CSV cells (RFC 4180) that a spreadsheet will not run: every cell quoted, and one starting with {@code = + - @},
 * a tab or a carriage return prefixed with an apostrophe (OWASP, "CSV Injection").
 */
final class Csv {

    private Csv() {}

    static String row(String... cells) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(cell(cells[i]));
        }
        return row.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "\"\"";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
