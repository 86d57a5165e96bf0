package ch.ontrack.smoke;

import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Right after a deployment, routes and certificates may take a moment: with --wait, poll both
 * /api/health until they answer 200, then let the checks judge. Failing here is not a verdict.
 */
final class Readiness {

  private Readiness() {}

  static void await(Http http, Options options, PrintStream out) throws InterruptedException {
    if (options.readyWait().isZero()) {
      return;
    }
    Instant deadline = Instant.now().plus(options.readyWait());
    for (URI site : List.of(options.providerUrl(), options.clientUrl())) {
      String last = "";
      while (Instant.now().isBefore(deadline)) {
        try {
          Http.Response r = http.get(site.resolve("/api/health"));
          if (r.status() == 200) {
            break;
          }
          last = "answered " + r.status();
        } catch (InterruptedException e) {
          throw e;
        } catch (Exception e) {
          last = Http.explain(e);
        }
        Thread.sleep(2000);
      }
      if (!Instant.now().isBefore(deadline) && !last.isEmpty()) {
        out.println("     " + site.getHost() + " still not healthy after waiting (" + last + "); checking anyway");
      }
    }
  }
}
