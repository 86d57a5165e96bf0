package ch.ontrack.provider;

import ch.ontrack.web.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** One real PostgreSQL 17 per test JVM. */
final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    static synchronized int port() {
        if (postgres == null) {
            postgres = TestPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        }
        return postgres.getPort();
    }
}
