package ch.ontrack.smoke;

import java.io.PrintStream;
import java.util.Map;

/**
 * Checks a deployed environment from outside, as a user's browser sees it. Exit status: 0 when
 * every check passed, 1 when one did not, 2 for bad usage.
 */
public final class SmokeTest {

    private SmokeTest() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs every check and returns the exit status; never throws. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, env);
        } catch (Options.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("smoke-test: " + e.getMessage());
            }
            err.println(Options.USAGE);
            return 2;
        }
        Report report = new Report(out);
        try {
            Sites sites = Sites.open(options);
            Readiness.await(sites, options, out);
            SiteChecks checks = new SiteChecks(report);
            boolean providerOk = checks.run("provider", sites.provider());
            boolean clientOk = checks.run("client", sites.client());
            if (providerOk && clientOk) {
                new Flow(sites, report, options).run();
            } else {
                report.skip("provider-to-client flow", "not run because a check above failed");
            }
        } catch (Exception | Error e) {
            report.fail("smoke test", Explain.failure(e));
        }
        report.summary();
        return report.allPassed() ? 0 : 1;
    }
}
