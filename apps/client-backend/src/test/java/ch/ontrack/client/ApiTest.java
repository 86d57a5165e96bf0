package ch.ontrack.client;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.client.internal.InternalConnector;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on random ports against real PostgreSQL, configured through the same
 * environment variable names as in production. All test classes share this one context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "INTERNAL_PORT=0",
            "MANAGEMENT_PORT=0",
            "INTERNAL_API_SECRET=" + ApiTest.SECRET,
            "UPLOAD_MAX_FILE_SIZE=3MB",
            "UPLOAD_MAX_DOCUMENT_SIZE=5MB",
            "UNLOCK_MAX_ATTEMPTS=5",
            "UNLOCK_RATE_LIMIT_PER_MINUTE=20",
            "SHARE_SESSION_TIMEOUT=30m",
            // the tests play the gateway from 127.0.0.1; other loopback addresses are strangers
            "TRUSTED_PROXIES=127.0.0.1"
        })
abstract class ApiTest {

    static final String SECRET = "test-internal-secret";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("DB_HOST", () -> "127.0.0.1");
        registry.add("DB_PORT", () -> TestDatabase.proxy().port());
        registry.add("DB_NAME", () -> "postgres");
        registry.add("DB_USERNAME", () -> "postgres");
        registry.add("DB_PASSWORD", () -> "postgres");
    }

    @LocalServerPort
    int publicPort;

    @LocalManagementPort
    int managementPort;

    @Autowired
    InternalConnector internalConnector;

    /** The public API without a cookie jar: tests send the share cookie themselves. */
    ApiSession site;
    /** The internal API with the shared secret, as the provider backend calls it. */
    ApiSession internal;

    ApiSession management;
    /** One client machine: its unlocks come from its own address, so rate limits of different tests do not meet. */
    ClientApi client;

    String clientAddress;
    TestShares shares;

    @BeforeEach
    void connect() {
        site = session(publicPort);
        internal = internalWithoutSecret().header("Authorization", "Bearer " + SECRET);
        management = session(managementPort);
        clientAddress = nextAddress();
        client = clientAt(publicPort, clientAddress);
        shares = new TestShares(internal);
    }

    /** Another client machine, with an address of its own. */
    ClientApi anotherClient() {
        return clientAt(publicPort, nextAddress());
    }

    ApiSession internalWithoutSecret() {
        return session(internalConnector.localPort());
    }

    /** A client machine at this address talking to the service on this port (another replica). */
    static ClientApi clientAt(int port, String address) {
        return new ClientApi(session(port).header("X-Forwarded-For", address));
    }

    private static ApiSession session(int port) {
        return ApiSession.to(URI.create("http://127.0.0.1:" + port)).withoutCookieJar();
    }

    private static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 256) + "." + (n % 256);
    }
}
