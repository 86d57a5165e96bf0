package ch.ontrack.deploy.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The podman command line (rootful; the runtime and ulimits come from containers.conf, see .ci/run). */
final class Podman {

    record Result(int exit, String out, String err) {
        String lastLines(int n) {
            List<String> lines =
                    (out + "\n" + err).lines().filter(l -> !l.isBlank()).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
    }

    private static Boolean available;

    private Podman() {}

    /** Skips the calling test, with the reason, on a machine without a working podman; CI always has one. */
    static void assumeAvailable() {
        if (available == null) {
            available = probe();
        }
        Assumptions.assumeTrue(
                available,
                "podman is not installed, not working or not run as root here: the image tests need rootful podman, see .ci/run");
    }

    private static boolean probe() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        try {
            return run(List.of("info", "--format", "{{.Host.OCIRuntime.Name}}"), Map.of(), 60, null)
                            .exit()
                    == 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** Runs podman and fails with its own words when it fails. */
    static String check(String... args) {
        Result r = run(List.of(args), Map.of(), 1800, null);
        if (r.exit() != 0) {
            throw new IllegalStateException(
                    "podman " + String.join(" ", args) + " failed (exit " + r.exit() + "):\n" + r.lastLines(20));
        }
        return r.out().strip();
    }

    static Result run(List<String> args, Map<String, String> env, long timeoutSeconds, Path workingDir) {
        List<String> command = new ArrayList<>();
        command.add("podman");
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        if (workingDir != null) {
            pb.directory(workingDir.toFile());
        }
        try {
            Path out = Files.createTempFile("podman-", ".out");
            Path err = Files.createTempFile("podman-", ".err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        "podman " + String.join(" ", args) + " took over " + timeoutSeconds + " s");
            }
            Result r = new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
