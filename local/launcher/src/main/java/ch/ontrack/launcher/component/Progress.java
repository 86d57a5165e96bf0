package ch.ontrack.launcher.component;

import java.io.PrintStream;
import java.util.Locale;

/** Start-up progress, one line per step: {@code [provider-db] ready in 1.8 s}. */
public final class Progress {

    private final PrintStream out;

    public Progress(PrintStream out) {
        this.out = out;
    }

    public void starting(String component) {
        out.println("[" + component + "] starting…");
    }

    public void ready(String component, long startNanos) {
        out.println("[" + component + "] ready in " + seconds(startNanos) + " s");
    }

    public void failed(String component, String reason, Iterable<String> lastLines) {
        out.println("[" + component + "] failed: " + reason);
        boolean header = false;
        for (String line : lastLines) {
            if (!header) {
                out.println("[" + component + "] last log lines:");
                header = true;
            }
            out.println("[" + component + "]   " + line);
        }
    }

    public void info(String line) {
        out.println(line);
    }

    public static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
    }
}
