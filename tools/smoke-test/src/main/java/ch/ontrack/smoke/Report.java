package ch.ontrack.smoke;

import java.io.PrintStream;

/** One line per check: `ok`, `FAIL` or `skip`, then what was checked and, if not ok, why. */
final class Report {

    private final PrintStream out;
    private int passed;
    private int notPassed;

    Report(PrintStream out) {
        this.out = out;
    }

    void ok(String check) {
        passed++;
        out.println("ok   " + check);
    }

    void fail(String check, String reason) {
        notPassed++;
        out.println("FAIL " + check + ": " + reason);
    }

    void skip(String check, String reason) {
        notPassed++;
        out.println("skip " + check + ": " + reason);
    }

    boolean allPassed() {
        return notPassed == 0 && passed > 0;
    }

    void summary() {
        out.println(
                allPassed()
                        ? "smoke test passed: all " + passed + " checks ok"
                        : "smoke test FAILED: " + notPassed + " of " + (passed + notPassed) + " checks not ok");
    }
}
