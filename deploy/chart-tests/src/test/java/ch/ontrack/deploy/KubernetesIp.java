package ch.ontrack.deploy;

import java.util.regex.Pattern;

/**
 * {@code isIP(string)} of the Kubernetes CEL IP library (Kubernetes 1.31+), which accepts what Go's
 * {@code netip.ParseAddr} accepts without a zone: IPv4 dotted decimal without leading zeros, or IPv6 (with an
 * optional embedded IPv4 tail). The only Kubernetes CEL function beyond cel-go's standard and strings libraries that
 * the upstream CRDs call.
 */
final class KubernetesIp {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern HEXTET = Pattern.compile("[0-9a-fA-F]{1,4}");

    private KubernetesIp() {}

    static boolean isIp(String text) {
        return IPV4.matcher(text).matches() || isIpv6(text);
    }

    private static boolean isIpv6(String text) {
        if (!text.contains(":") || text.contains("%")) {
            return false;
        }
        String head = text;
        int groups;
        int lastColon = text.lastIndexOf(':');
        String tail = text.substring(lastColon + 1);
        if (tail.contains(".")) {
            if (!IPV4.matcher(tail).matches()) {
                return false;
            }
            head = text.substring(0, lastColon + 1) + "0:0";
        }
        int compressed = head.indexOf("::");
        if (compressed < 0) {
            groups = hextets(head);
            return groups == 8;
        }
        if (head.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        int left = hextets(head.substring(0, compressed));
        int right = hextets(head.substring(compressed + 2));
        return left >= 0 && right >= 0 && left + right < 8;
    }

    /** Number of colon-separated hextets, 0 for an empty string, -1 when one is not a hextet. */
    private static int hextets(String part) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] groups = part.split(":", -1);
        for (String group : groups) {
            if (!HEXTET.matcher(group).matches()) {
                return -1;
            }
        }
        return groups.length;
    }
}
