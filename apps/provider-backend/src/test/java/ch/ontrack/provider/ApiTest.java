package ch.ontrack.provider;

import ch.ontrack.apiclient.ApiSession;
import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The real service on a random port, with a real database and a real SMTP server; configured like production, by the environment's names. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ApiTest {

    static final int LOGIN_LIMIT = 5;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry env) {
        env.add("DB_HOST", () -> "localhost");
        env.add("DB_PORT", TestDatabase::port);
        env.add("DB_NAME", () -> "postgres");
        env.add("DB_USERNAME", () -> "postgres");
        env.add("DB_PASSWORD", () -> "postgres");
        env.add("MANAGEMENT_PORT", () -> 0);
        env.add("CLIENT_INTERNAL_URL", () -> "http://127.0.0.1:" + TestPorts.CLOSED);
        env.add("SMTP_HOST", () -> "127.0.0.1");
        env.add("SMTP_PORT", () -> TestMail.server().getSmtp().getPort());
        env.add("UPLOAD_MAX_FILE_SIZE", () -> "2MB");
        env.add("UPLOAD_MAX_DOCUMENT_SIZE", () -> "4MB");
        env.add("LOGIN_RATE_LIMIT_PER_MINUTE", () -> LOGIN_LIMIT);
        // the tests play the gateway: their X-Forwarded-For stands for the client address
        env.add("TRUSTED_PROXIES", () -> "127.0.0.1,::1");
        // the worker stays out of the way; tests look at what one request leaves behind
        env.add("DELIVERY_RETRY_INTERVAL", () -> "1h");
    }

    /** A browser: real HTTP, its own cookies and CSRF header, its own client address for the per-IP throttles. */
    ApiSession browser() {
        return browser(port);
    }

    /** A browser talking to the service on this port (another replica), from an address of its own. */
    static ApiSession browser(int port) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address =
                "10.%d.%d.%d".formatted(random.nextInt(1, 255), random.nextInt(1, 255), random.nextInt(1, 255));
        return ApiSession.to(URI.create("http://localhost:" + port)).header("X-Forwarded-For", address);
    }

    /** A browser signed in as a fresh provider whose address is verified (so it may send documents). */
    ApiSession signedIn() {
        ApiSession browser = browser();
        verified(TestData.provider().signUp(browser).expect(201).id());
        return browser;
    }

    /** Marks the address verified as opening the mailed link does (EmailVerificationTest opens the real link). */
    void verified(java.util.UUID providerId) {
        jdbc.sql("update provider set email_verified_at = now() where id = ?")
                .param(providerId)
                .update();
    }
}
