package ch.ontrack.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The environment variables a backend's application.yml reads, each with its default (empty Optional: none). */
record ServiceConfig(String backend, Map<String, Optional<String>> defaults) {

    // ${NAME} or ${NAME:default}, where the default may hold one ${OTHER} or ${OTHER:x} of its own
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::((?:[^${}]|\\$\\{[^{}]*})*))?}");

    /** A name that holds a secret: it may have no default. */
    static final Pattern SECRET_LIKE = Pattern.compile("(^|_)(PASSWORD|SECRET|KEY|KEYS|TOKEN)(_|$)");

    static ServiceConfig of(String backend) {
        Path file = Charts.DEPLOY.getParent().resolve("apps/" + backend + "/src/main/resources/application.yml");
        try {
            return parse(backend, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceConfig parse(String backend, String yaml) {
        Map<String, Optional<String>> defaults = new TreeMap<>();
        Matcher m = PLACEHOLDER.matcher(yaml);
        while (m.find()) {
            Optional<String> value = Optional.ofNullable(m.group(2));
            Optional<String> earlier = defaults.putIfAbsent(m.group(1), value);
            if (earlier != null && !earlier.equals(value)) {
                throw new IllegalStateException(
                        backend + " reads " + m.group(1) + " with two defaults: " + earlier + ", " + value);
            }
            // the inner placeholder of a fallback is read as well
            if (value.isPresent()) {
                Matcher inner = PLACEHOLDER.matcher(value.get());
                while (inner.find()) {
                    defaults.putIfAbsent(inner.group(1), Optional.ofNullable(inner.group(2)));
                }
            }
        }
        return new ServiceConfig(backend, defaults);
    }

    /** Whether the default is only another variable (a fallback), with no literal text of its own. */
    static boolean onlyAReference(String defaultValue) {
        return defaultValue.matches("\\$\\{[A-Z][A-Z0-9_]*}");
    }
}
