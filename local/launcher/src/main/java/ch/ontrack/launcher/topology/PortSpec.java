package ch.ontrack.launcher.topology;

import java.util.Locale;

/** A port the local platform listens on, its default, and the variable that changes it. */
public record PortSpec(String component, String name, int defaultPort) {

    public String key() {
        return component + "." + name;
    }

    /** For example {@code LOCAL_GATEWAY_HTTPS_PORT}. */
    String overrideVariable() {
        return ("LOCAL_" + component + "_" + name + "_PORT")
                .toUpperCase(Locale.ROOT)
                .replace('-', '_');
    }
}
