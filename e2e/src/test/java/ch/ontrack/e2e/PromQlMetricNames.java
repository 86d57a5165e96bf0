package ch.ontrack.e2e;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. No maintained PromQL parser for Java is on Maven Central, so this is
 * a tokenizer for the language's lexical rules (Prometheus docs, "Querying basics"): strings are read for
 * {__name__="..."} and dropped; label matchers, range and subquery brackets, and the label lists of by, without,
 * on, ignoring, group_left and group_right are dropped; what remains is numbers and durations, keywords, function and
 * aggregation names (an identifier before "("), Grafana variables ($name, ${name}) and metric names. Tested by
 * PromQlMetricNamesTest.
 */
public final class PromQlMetricNames {

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "offset",
            "bool",
            "inf",
            "nan",
            "start",
            "end",
            "atan2");
    private static final Pattern NAME_MATCHER =
            Pattern.compile("__name__\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|`([^`]*)`)");
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|`[^`]*`");
    private static final Pattern LABEL_LIST =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern TOKEN = Pattern.compile("(?<variable>\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*)"
            + "|(?<number>0[xX][0-9a-fA-F]+|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?(?:ms|[smhdwy])*)"
            + "|(?<ident>[A-Za-z_:][A-Za-z0-9_:]*)");

    private PromQlMetricNames() {}

    public static Set<String> of(String promql) {
        Set<String> names = new LinkedHashSet<>();
        Matcher byName = NAME_MATCHER.matcher(promql);
        while (byName.find()) {
            for (int g = 1; g <= 3; g++) {
                if (byName.group(g) != null) {
                    names.add(byName.group(g));
                }
            }
        }
        String rest = STRING.matcher(promql).replaceAll("\"\"");
        rest = strip(rest, '{', '}');
        rest = strip(rest, '[', ']');
        rest = LABEL_LIST.matcher(rest).replaceAll(" ");
        Matcher token = TOKEN.matcher(rest);
        while (token.find()) {
            String ident = token.group("ident");
            if (ident == null || KEYWORDS.contains(ident) || nextIsParenthesis(rest, token.end())) {
                continue;
            }
            names.add(ident);
        }
        return names;
    }

    /** Drops everything between {@code open} and its {@code close}, nesting included (strings are gone already). */
    private static String strip(String text, char open, char close) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == open) {
                depth++;
                out.append(' ');
            } else if (c == close && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A function or aggregation call: the identifier is followed by "(", or by by/without and then "(". */
    private static boolean nextIsParenthesis(String text, int from) {
        String after = text.substring(from).stripLeading();
        return after.startsWith("(") || after.matches("(?s)^(by|without)\\b.*");
    }
}
