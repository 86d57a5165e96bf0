package ch.ontrack.client;

import ch.ontrack.web.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One real PostgreSQL 17 per test JVM, reached through a proxy that tests can cut. */
final class TestDatabase {

    private static EmbeddedPostgres postgres;
    private static TcpProxy proxy;

    private TestDatabase() {}

    static synchronized TcpProxy proxy() {
        if (proxy == null) {
            postgres = TestPostgres.start();
            try {
                proxy = new TcpProxy(postgres.getPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return proxy;
    }
}
