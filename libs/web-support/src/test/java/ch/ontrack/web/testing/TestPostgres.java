package ch.ontrack.web.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * A real PostgreSQL for tests. The library waits 10 s for the server by default, which a busy CI machine (several
 * test JVMs and their servers on two cores) exceeds now and then; the launcher waits as long.
 */
public final class TestPostgres {

    public static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private TestPostgres() {}

    /** A builder with the longer start-up wait, for tests that set more options. */
    public static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder().setPGStartupWait(STARTUP_WAIT);
    }

    public static EmbeddedPostgres start() {
        try {
            return builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
