package ch.ontrack.e2e.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the Chromium the browser tests drive, so that the README's one test command works on a fresh
 * machine: {@code -De2e.chromium} or {@code CHROMIUM_PATH} when set; else a system Chromium or Chrome where
 * Debian, Ubuntu and macOS put it; else, as root on a machine with apt, Debian's package is installed; else
 * Playwright's own browser where it can be downloaded; else the tests stop with one sentence saying what to
 * install.
 */
final class BrowserExecutable {

    static final List<Path> KNOWN = List.of(
            Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/chromium-browser"),
            Path.of("/snap/bin/chromium"),
            Path.of("/usr/bin/google-chrome-stable"),
            Path.of("/usr/bin/google-chrome"),
            Path.of("/Applications/Chromium.app/Contents/MacOS/Chromium"),
            Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));

    static final String MISSING = "No Chromium for the browser tests: install it (Debian/Ubuntu: apt-get install"
            + " chromium; macOS: brew install --cask chromium) or name one with -De2e.chromium=/path/to/chromium.";

    private BrowserExecutable() {}

    /** A system browser, or empty when Playwright should use (and may download) its own. */
    static Optional<Path> find() {
        String named = Optional.ofNullable(System.getProperty("e2e.chromium")).orElse(System.getenv("CHROMIUM_PATH"));
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("The Chromium named by -De2e.chromium or CHROMIUM_PATH is not an"
                        + " executable file: " + path);
            }
            return Optional.of(path);
        }
        return firstExecutable(KNOWN).or(BrowserExecutable::installedWithApt);
    }

    static Optional<Path> firstExecutable(List<Path> candidates) {
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Debian's package, when this process may install it (root, apt-get present). */
    private static Optional<Path> installedWithApt() {
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return Optional.empty();
        }
        System.out.println("No Chromium found: installing Debian's chromium package (apt-get, as root).");
        if (run("apt-get", "update", "-q")
                && run("apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium")) {
            return firstExecutable(KNOWN);
        }
        return Optional.empty();
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .inheritIO()
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            return process.waitFor(15, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
