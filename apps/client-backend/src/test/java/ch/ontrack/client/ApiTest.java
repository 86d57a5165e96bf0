package ch.ontrack.client;

import ch.ontrack.client.internal.InternalConnector;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on random ports against real PostgreSQL, configured through the same
 * environment variable names as in production. All test classes share this one context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "INTERNAL_PORT=0",
      "MANAGEMENT_PORT=0",
      "INTERNAL_API_SECRET=" + Api.SECRET,
      "UPLOAD_MAX_FILE_SIZE=3MB",
      "UPLOAD_MAX_DOCUMENT_SIZE=5MB",
      "UNLOCK_MAX_ATTEMPTS=5",
      "UNLOCK_RATE_LIMIT_PER_MINUTE=20",
      "SHARE_SESSION_TIMEOUT=30m",
      // the tests play the gateway from 127.0.0.1; other loopback addresses are strangers
      "TRUSTED_PROXIES=127.0.0.1"
    })
abstract class ApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("DB_HOST", () -> "127.0.0.1");
    registry.add("DB_PORT", () -> TestDatabase.proxy().port());
    registry.add("DB_NAME", () -> "postgres");
    registry.add("DB_USERNAME", () -> "postgres");
    registry.add("DB_PASSWORD", () -> "postgres");
  }

  @LocalServerPort int publicPort;
  @LocalManagementPort int managementPort;
  @Autowired InternalConnector internalConnector;

  Api api;
  TestShares shares;

  @BeforeEach
  void connect() {
    api = new Api(publicPort, internalConnector.localPort(), managementPort);
    shares = new TestShares(api);
  }
}
