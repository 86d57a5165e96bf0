package ch.ontrack.deploy.images;

import java.nio.file.Path;

/** What the publishing workflow passes as image labels, read from the working copy once per test run. */
final class Git {

    private static final java.util.Map<String, String> READ = new java.util.concurrent.ConcurrentHashMap<>();

    private Git() {}

    static String revision(Path root) {
        return READ.computeIfAbsent(
                "revision", k -> git(root, "rev-parse", "HEAD").orElse("unknown"));
    }

    static String version(Path root) {
        return READ.computeIfAbsent(
                "version",
                k -> "0.1.0-" + git(root, "rev-parse", "--short=12", "HEAD").orElse("dev"));
    }

    static String source(Path root) {
        return READ.computeIfAbsent(
                "source", k -> git(root, "remote", "get-url", "origin").orElse("file://" + root));
    }

    private static java.util.Optional<String> git(Path root, String... args) {
        try {
            String[] command = new String[args.length + 1];
            command[0] = "git";
            System.arraycopy(args, 0, command, 1, args.length);
            Process p = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(false)
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor() == 0 && !out.isEmpty() ? java.util.Optional.of(out) : java.util.Optional.empty();
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }
}
