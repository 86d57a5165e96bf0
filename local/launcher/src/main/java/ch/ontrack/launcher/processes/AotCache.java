package ch.ontrack.launcher.processes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * JDK 25's ahead-of-time cache (JEPs 483 and 514) for a backend: the first start runs the backend once as a
 * training run up to the end of its context refresh (Spring's {@code spring.context.exit=onRefresh}) against
 * its database, which writes the cache; every start after that maps it. The cache is named by the jar's
 * SHA-256 and the JDK's version, so a rebuilt jar or another JDK trains anew.
 */
public final class AotCache {

    static final String SUFFIX = ".aot";
    static final String PENDING_SUFFIX = ".aot.pending";
    private static final long TRAINING_TIMEOUT_SECONDS = 300;

    private AotCache() {}

    /** What a training run needs besides the JVM: options, the backend's environment and working directory. */
    public record Training(List<String> jvmOptions, Map<String, String> environment, Path workDir) {}

    /**
     * The JVM options and the jar to run, training the cache first when there is none for this jar and JDK;
     * the plain jar when extraction fails, the extracted jar without a cache when training fails.
     */
    public static List<String> jvmArguments(BackendJava java, Path jar, Path dir, Training training) {
        Path extracted;
        try {
            extracted = ClassDataSharing.extract(java.java(), jar, dir);
        } catch (IOException | RuntimeException e) {
            return List.of("-jar", jar.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("-jar", jar.toString());
        }
        List<String> args = new ArrayList<>(cacheOption(java, jar, extracted, dir, training));
        args.add("-jar");
        args.add(extracted.toString());
        return args;
    }

    /** {@code -XX:AOTCache=...} once there is a cache for this jar and JDK (trained now if need be), else nothing. */
    static List<String> cacheOption(BackendJava java, Path jar, Path extracted, Path dir, Training training) {
        try {
            Path cache = cacheFile(dir, sha256(jar, dir), java);
            // a training run that failed is not repeated at every start of the same jar on the same JDK
            if (Files.exists(cache) || !Files.exists(failedMarker(cache)) && train(java, extracted, cache, training)) {
                return List.of("-XX:AOTCache=" + cache);
            }
        } catch (IOException e) {
            // no cache this time: the backend starts as it would without one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }

    /** {@code <dir>/<first 16 hex digits of the jar's SHA-256>-<JDK runtime version>.aot}. */
    static Path cacheFile(Path dir, String jarSha256, BackendJava java) {
        return dir.resolve(jarSha256.substring(0, 16) + "-" + java.version().replaceAll("[^A-Za-z0-9.]", "_") + SUFFIX);
    }

    /**
     * Runs the training JVM, writing the cache under a pending name, and keeps it only when the training run
     * ended normally and a JVM that must map it ({@code -XX:AOTMode=on}) starts with it. Caches of other jars or
     * JDKs are removed then.
     */
    static boolean train(BackendJava java, Path extracted, Path cache, Training training)
            throws IOException, InterruptedException {
        Path dir = cache.getParent();
        Path pending = dir.resolve(cache.getFileName().toString().replace(SUFFIX, PENDING_SUFFIX));
        Files.deleteIfExists(pending);
        List<String> command = new ArrayList<>(List.of(java.java().toString()));
        command.addAll(training.jvmOptions());
        command.addAll(List.of(
                "-XX:AOTCacheOutput=" + pending,
                "-Xlog:aot=error",
                "-Dspring.context.exit=onRefresh",
                "-jar",
                extracted.toString()));
        Files.createDirectories(training.workDir());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(training.workDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("training.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(training.environment());
        if (!run(builder, TRAINING_TIMEOUT_SECONDS)
                || !Files.exists(pending)
                || !maps(java, pending, extracted, training)) {
            Files.deleteIfExists(pending);
            Files.writeString(
                    failedMarker(cache),
                    "The training run failed; training.log says why. Delete this file to train again.\n");
            return false;
        }
        Files.move(pending, cache, StandardCopyOption.ATOMIC_MOVE);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path old : files.filter(f -> f.toString().endsWith(SUFFIX) && !f.equals(cache))
                    .toList()) {
                Files.deleteIfExists(old);
            }
        }
        return true;
    }

    static Path failedMarker(Path cache) {
        return cache.resolveSibling(cache.getFileName() + ".failed");
    }

    /** A throw-away JVM with the backend's options that refuses to start unless it can map the cache. */
    static boolean maps(BackendJava java, Path cache, Path extracted, Training training)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.java().toString()));
        command.addAll(training.jvmOptions());
        // the class path must be the training run's (the jar and its manifest's Class-Path) for the cache to map
        command.addAll(List.of(
                "-XX:AOTCache=" + cache, "-XX:AOTMode=on", "-Xlog:aot=off", "-cp", extracted.toString(), "-version"));
        return run(
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD),
                60);
    }

    private static boolean run(ProcessBuilder builder, long timeoutSeconds) throws IOException, InterruptedException {
        Process process = builder.start();
        if (process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            return process.exitValue() == 0;
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return false;
    }

    /** The jar's SHA-256, computed once per extraction (the extraction directory is new for each build). */
    static String sha256(Path jar, Path dir) throws IOException {
        Path known = dir.resolve("jar.sha256");
        if (Files.exists(known)) {
            return Files.readString(known).strip();
        }
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            String hex = HexFormat.of().formatHex(digest.digest());
            Files.writeString(known, hex);
            return hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
