package ch.ontrack.launcher.processes;

import ch.ontrack.launcher.component.LaunchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JVM that runs the backends: JDK 25 or newer where one is installed, for its ahead-of-time cache
 * ({@link AotCache}); otherwise the launcher's own JVM with class-data sharing ({@link ClassDataSharing}).
 * The build stays on Java 17 bytecode, so any of them runs the jars.
 */
public record BackendJava(Path home, int feature, String version) {

    static final String HOME_VARIABLE = "OC_BACKEND_JAVA_HOME";
    static final int AOT_CACHE_FEATURE = 25;

    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    public boolean hasAotCache() {
        return feature >= AOT_CACHE_FEATURE;
    }

    /** The choice on this machine: JDKs under /usr/lib/jvm, the environment, the launcher's own JVM. */
    public static BackendJava forThisMachine() {
        return find(System.getenv(), Path.of("/usr/lib/jvm"), Path.of(System.getProperty("java.home")));
    }

    /** {@code OC_BACKEND_JAVA_HOME}, else the newest JDK 25+ under {@code jvmRoot} or {@code JAVA_HOME}, else this JVM. */
    static BackendJava find(Map<String, String> env, Path jvmRoot, Path current) {
        String chosen = env.getOrDefault(HOME_VARIABLE, "");
        if (!chosen.isBlank()) {
            return of(Path.of(chosen))
                    .orElseThrow(() -> new LaunchException(HOME_VARIABLE + " is " + chosen
                            + ", which is no Java installation (no bin/java and release file there)."));
        }
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(jvmRoot)) {
            try (Stream<Path> homes = Files.list(jvmRoot)) {
                homes.forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String javaHome = env.getOrDefault("JAVA_HOME", "");
        if (!javaHome.isBlank()) {
            candidates.add(Path.of(javaHome));
        }
        return candidates.stream()
                .map(BackendJava::of)
                .flatMap(Optional::stream)
                .filter(BackendJava::hasAotCache)
                .max(Comparator.comparingInt(BackendJava::feature)
                        .thenComparing(j -> Runtime.Version.parse(j.version())))
                .orElseGet(() -> of(current)
                        .orElseThrow(() -> new LaunchException("Cannot tell the version of " + current + ".")));
    }

    /** The JVM under {@code home}, from its {@code release} file; empty when it is no Java installation. */
    static Optional<BackendJava> of(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            String runtime = null;
            String version = null;
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_RUNTIME_VERSION=")) {
                    runtime = unquote(line);
                } else if (line.startsWith("JAVA_VERSION=")) {
                    version = unquote(line);
                }
            }
            String full = runtime != null ? runtime : version;
            if (full == null) {
                return Optional.empty();
            }
            Runtime.Version parsed = Runtime.Version.parse(full);
            return Optional.of(new BackendJava(home.toRealPath(), parsed.feature(), full));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String unquote(String line) {
        return line.substring(line.indexOf('=') + 1).replace("\"", "").strip();
    }
}
