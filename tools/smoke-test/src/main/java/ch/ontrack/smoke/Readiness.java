package ch.ontrack.smoke;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ApiSession;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * Right after a deployment, routes and certificates may take a moment: with --wait, poll both
 * /api/health until they answer 200, then let the checks judge. Failing here is not a verdict.
 */
final class Readiness {

    private Readiness() {}

    static void await(Sites sites, Options options, PrintStream out) throws InterruptedException {
        if (options.readyWait().isZero()) {
            return;
        }
        Instant deadline = Instant.now().plus(options.readyWait());
        for (ApiSession site : List.of(sites.provider(), sites.client())) {
            String last = "";
            while (Instant.now().isBefore(deadline)) {
                try {
                    ApiResponse r = site.get("/api/health");
                    if (r.status() == 200) {
                        break;
                    }
                    last = "answered " + r.status();
                } catch (RuntimeException e) {
                    last = Explain.failure(e);
                }
                Thread.sleep(2000);
            }
            if (!Instant.now().isBefore(deadline) && !last.isEmpty()) {
                out.println("     " + site.base().getHost() + " still not healthy after waiting (" + last
                        + "); checking anyway");
            }
        }
    }
}
