package ch.ontrack.provider;

import java.util.HashMap;
import java.util.Map;

/** Settings of another instance of the provider backend started by a test on the tests' database. */
final class Replicas {

    private Replicas() {}

    /** Database, free ports, an unreachable client backend and a slow delivery retry; add what the test needs. */
    static Map<String, Object> settings() {
        return new HashMap<>(Map.of(
                "DB_HOST", "localhost",
                "DB_PORT", String.valueOf(TestDatabase.port()),
                "DB_NAME", "postgres",
                "DB_USERNAME", "postgres",
                "DB_PASSWORD", "postgres",
                "SERVER_PORT", "0",
                "MANAGEMENT_PORT", "0",
                "CLIENT_INTERNAL_URL", "http://127.0.0.1:" + TestPorts.CLOSED,
                "DELIVERY_RETRY_INTERVAL", "1h"));
    }
}
