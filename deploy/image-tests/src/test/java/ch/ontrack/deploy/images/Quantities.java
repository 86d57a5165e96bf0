package ch.ontrack.deploy.images;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities ("768Mi", "500m") as podman's numbers. */
final class Quantities {

    private static final Map<String, Long> SUFFIXES =
            Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L);

    private Quantities() {}

    static long bytes(String quantity) {
        for (var suffix : SUFFIXES.entrySet()) {
            if (quantity.endsWith(suffix.getKey())
                    && Character.isDigit(
                            quantity.charAt(quantity.length() - suffix.getKey().length() - 1))) {
                return Long.parseLong(quantity.substring(
                                0, quantity.length() - suffix.getKey().length()))
                        * suffix.getValue();
            }
        }
        return Long.parseLong(quantity);
    }

    static String cpus(String quantity) {
        BigDecimal cores = quantity.endsWith("m")
                ? new BigDecimal(quantity.substring(0, quantity.length() - 1)).movePointLeft(3)
                : new BigDecimal(quantity);
        return cores.stripTrailingZeros().toPlainString();
    }
}
