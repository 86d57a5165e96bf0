package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.client.internal.InternalConnector;
import ch.ontrack.web.testing.S3Server;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The service with FILE_STORE=s3 against a real S3 server: files go there encrypted, ranges come back over real
 * HTTP, and while the server is down uploads and downloads answer 503 file-store-unavailable and no half-written
 * file stays referenced.
 */
class FilesOnS3Test {

  private static final String BUCKET = "client-files";
  private static S3Server s3;
  private static ConfigurableApplicationContext service;
  private static Api api;
  private static JdbcClient jdbc;

  @BeforeAll
  static void start() {
    s3 = new S3Server();
    try (S3Client client = s3.client()) {
      client.createBucket(b -> b.bucket(BUCKET));
    }
    Map<String, Object> environment = new HashMap<>(s3.environment(BUCKET));
    environment.putAll(Map.of(
        "DB_HOST", "127.0.0.1",
        "DB_PORT", String.valueOf(TestDatabase.proxy().port()),
        "DB_NAME", "postgres",
        "DB_USERNAME", "postgres",
        "DB_PASSWORD", "postgres",
        "SERVER_PORT", "0",
        "INTERNAL_PORT", "0",
        "MANAGEMENT_PORT", "0",
        "INTERNAL_API_SECRET", Api.SECRET,
        "TRUSTED_PROXIES", "127.0.0.1"));
    service = new SpringApplicationBuilder(ClientBackendApplication.class).properties(environment).run();
    int port = ((WebServerApplicationContext) service).getWebServer().getPort();
    api = new Api(port, service.getBean(InternalConnector.class).localPort(), 0);
    jdbc = service.getBean(JdbcClient.class);
  }

  @AfterAll
  static void stop() {
    service.close();
    s3.close();
  }

  @Test
  void filesLieEncryptedInTheBucketAndRangesComeBack() {
    byte[] text = "Lohnausweis 2025, streng vertraulich. ".repeat(70_000).getBytes(StandardCharsets.UTF_8);
    var share = new TestShares(api).share().file("lohnausweis.txt", "text/plain", text).deliver();
    String cookie = UnlockTest.cookieOf(api.unlock(share.token(), share.code()));
    String path = "/api/shares/" + share.token() + "/files/" + share.file(0).id();

    var part = api.publicCall("GET", path, null, "Cookie", cookie, "Range", "bytes=1048500-1048700");
    var whole = api.publicCall("GET", path, null, "Cookie", cookie);
    var beyond = api.publicCall("GET", path, null, "Cookie", cookie, "Range", "bytes=" + text.length + "-");

    assertThat(part.status()).isEqualTo(206);
    assertThat(part.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(part.header("Content-Range")).isEqualTo("bytes 1048500-1048700/" + text.length);
    assertThat(Arrays.equals(part.body(), Arrays.copyOfRange(text, 1048500, 1048701))).isTrue();
    assertThat(whole.status()).isEqualTo(200);
    assertThat(Arrays.equals(whole.body(), text)).isTrue();
    assertThat(beyond.status()).isEqualTo(416);
    UUID object = objectOf(share.id(), share.file(0).id());
    try (S3Client client = s3.client()) {
      byte[] stored = client.getObjectAsBytes(b -> b.bucket(BUCKET).key("files/" + object)).asByteArray();
      assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("vertraulich");
    }
  }

  @Test
  void whileTheBucketIsDownFilesAnswer503AndNothingHalfWrittenIsReferenced() {
    byte[] stored = new byte[300_000];
    new Random(3).nextBytes(stored);
    var share = new TestShares(api).share().file("a.bin", "application/octet-stream", stored).deliver();
    String cookie = UnlockTest.cookieOf(api.unlock(share.token(), share.code()));
    byte[] large = new byte[2_000_000];
    new Random(4).nextBytes(large);

    s3.stop();
    Api.Response upload;
    Api.Response download;
    try {
      upload = api.putFile(share.id(), UUID.randomUUID().toString(), "b.bin", "application/octet-stream", large);
      download = api.publicCall("GET", "/api/shares/" + share.token() + "/files/" + share.file(0).id(), null,
          "Cookie", cookie);
    } finally {
      s3.start();
    }

    assertThat(upload.status()).isEqualTo(503);
    assertThat(upload.type()).isEqualTo("file-store-unavailable");
    assertThat(download.status()).isEqualTo(503);
    assertThat(download.contentType()).startsWith("application/problem+json");
    assertThat(download.type()).isEqualTo("file-store-unavailable");
    assertThat(download.header("Content-Disposition")).isNull();
    assertThat(jdbc.sql("select count(*) from files where share_id = ?").param(share.id()).query(Long.class)
        .single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from file_object o where not exists"
        + " (select 1 from files f where f.object_id = o.id)").query(Long.class).single()).isZero();
  }

  private static UUID objectOf(String shareId, String fileId) {
    return jdbc.sql("select object_id from files where share_id = ? and file_id = ?").params(shareId, fileId)
        .query(UUID.class).single();
  }
}
