package ch.ontrack.launcher.processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Faster warm starts: the backend jar is extracted once per build (Spring Boot's {@code
 * jarmode=tools}), the first run writes a class-data sharing archive, later runs map it.
 */
public final class ClassDataSharing {

    static final String PENDING = "app.jsa.pending";
    static final String VERIFIED = "app-verified.jsa";

    private ClassDataSharing() {}

    /** The JVM options and the jar to run; the plain jar when anything goes wrong. */
    public static List<String> jvmArguments(Path java, int feature, Path jar, Path dir) {
        try {
            Path extracted = extract(java, jar, dir);
            List<String> args = new ArrayList<>();
            if (feature >= 19) {
                args.add("-XX:+AutoCreateSharedArchive");
                args.add("-XX:SharedArchiveFile=" + dir.resolve("app.jsa"));
            } else {
                Path archive = verifiedArchive(java, extracted, dir);
                if (archive != null) {
                    args.add("-XX:SharedArchiveFile=" + archive);
                } else {
                    // written when the backend stops cleanly, checked and used from the next start on
                    args.add("-XX:ArchiveClassesAtExit=" + dir.resolve(PENDING));
                }
            }
            args.add("-Xshare:auto");
            args.add("-Xlog:cds=off,cds+dynamic=off");
            args.add("-jar");
            args.add(extracted.toString());
            return args;
        } catch (IOException | RuntimeException e) {
            return List.of("-jar", jar.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("-jar", jar.toString());
        }
    }

    /**
     * The archive to map, or null. A backend killed while it writes its archive at exit leaves a truncated file,
     * and JDK 17 crashes (SIGSEGV, exit 134) mapping one even with -Xshare:auto; so an archive is written under
     * a pending name and used only once a throw-away JVM has mapped it with -Xshare:on and exited normally.
     */
    static Path verifiedArchive(Path java, Path extracted, Path dir) throws IOException, InterruptedException {
        Path verified = dir.resolve(VERIFIED);
        if (Files.exists(verified)) {
            return verified;
        }
        Path pending = dir.resolve(PENDING);
        if (!Files.exists(pending)) {
            return null;
        }
        Process probe = new ProcessBuilder(
                        java.toString(),
                        "-XX:SharedArchiveFile=" + pending,
                        "-Xshare:on",
                        "-Xlog:cds=off,cds+dynamic=off",
                        "-cp",
                        extracted.toString(),
                        "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0) {
            Files.move(pending, verified, StandardCopyOption.ATOMIC_MOVE);
            return verified;
        }
        probe.destroyForcibly();
        Files.deleteIfExists(pending);
        return null;
    }

    /** Spring Boot's extracted layout ({@code app/<name>.jar} and {@code app/lib/}), redone when the jar changes. */
    static Path extract(Path java, Path jar, Path dir) throws IOException, InterruptedException {
        String stamp = Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
        Path stampFile = dir.resolve("jar.stamp");
        Path app = dir.resolve("app");
        Path extracted = app.resolve(jar.getFileName());
        if (Files.exists(extracted)
                && Files.exists(stampFile)
                && Files.readString(stampFile).equals(stamp)) {
            return extracted;
        }
        deleteTree(dir); // a new build: its archive no longer matches either
        Files.createDirectories(dir);
        Process extract = new ProcessBuilder(
                        java.toString(),
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        app.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("extract.log").toFile())
                .start();
        if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0 || !Files.exists(extracted)) {
            extract.destroyForcibly();
            throw new IOException("cannot extract " + jar);
        }
        Files.writeString(stampFile, stamp);
        return extracted;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
