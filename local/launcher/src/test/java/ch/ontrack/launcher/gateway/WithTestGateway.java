package ch.ontrack.launcher.gateway;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One {@link TestGateway} for all tests of a class, on a temporary repository and data directory. */
abstract class WithTestGateway {

    @TempDir
    static Path repo;

    @TempDir
    static Path data;

    static TestGateway gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = TestGateway.start(repo, data);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }
}
