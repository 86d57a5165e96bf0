package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.client.internal.InternalConnector;
import ch.ontrack.web.testing.S3Server;
import java.net.URI;
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
    private static ApiSession site;
    private static ClientApi client;
    private static TestShares shares;
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
                "INTERNAL_API_SECRET", ApiTest.SECRET,
                "TRUSTED_PROXIES", "127.0.0.1"));
        service = new SpringApplicationBuilder(ClientBackendApplication.class)
                .properties(environment)
                .run();
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        site = ApiSession.to(URI.create("http://127.0.0.1:" + port)).withoutCookieJar();
        client = ApiTest.clientAt(port, "198.51.200.1");
        shares = new TestShares(ApiSession.to(URI.create("http://127.0.0.1:"
                        + service.getBean(InternalConnector.class).localPort()))
                .withoutCookieJar()
                .header("Authorization", "Bearer " + ApiTest.SECRET));
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
        var share = shares.share().file("lohnausweis.txt", "text/plain", text).deliver();
        String cookie = UnlockTest.cookieOf(client.unlock(share.token(), share.code()));
        String path = "/api/shares/" + share.token() + "/files/" + share.file(0).id();

        var part = site.exchange("GET", path, null, "Cookie", cookie, "Range", "bytes=1048500-1048700");
        var whole = site.exchange("GET", path, null, "Cookie", cookie);
        var beyond = site.exchange("GET", path, null, "Cookie", cookie, "Range", "bytes=" + text.length + "-");

        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(part.header("Content-Range")).isEqualTo("bytes 1048500-1048700/" + text.length);
        assertThat(Arrays.equals(part.body(), Arrays.copyOfRange(text, 1048500, 1048701)))
                .isTrue();
        assertThat(whole.status()).isEqualTo(200);
        assertThat(Arrays.equals(whole.body(), text)).isTrue();
        assertThat(beyond.status()).isEqualTo(416);
        UUID object = objectOf(share.id(), share.file(0).id());
        try (S3Client client = s3.client()) {
            byte[] stored = client.getObjectAsBytes(b -> b.bucket(BUCKET).key("files/" + object))
                    .asByteArray();
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("vertraulich");
        }
    }

    @Test
    void whileTheBucketIsDownFilesAnswer503AndNothingHalfWrittenIsReferenced() {
        byte[] stored = new byte[300_000];
        new Random(3).nextBytes(stored);
        var share =
                shares.share().file("a.bin", "application/octet-stream", stored).deliver();
        String cookie = UnlockTest.cookieOf(client.unlock(share.token(), share.code()));
        byte[] large = new byte[2_000_000];
        new Random(4).nextBytes(large);

        long storedBefore =
                jdbc.sql("select count(*) from file_object").query(Long.class).single();
        s3.stop();
        ApiResponse upload;
        ApiResponse download;
        try {
            upload = shares.putFile(
                    share.id(), UUID.randomUUID().toString(), "b.bin", "application/octet-stream", large);
            download = site.exchange(
                    "GET",
                    "/api/shares/" + share.token() + "/files/" + share.file(0).id(),
                    null,
                    "Cookie",
                    cookie);
        } finally {
            s3.start();
        }

        assertThat(upload.status()).isEqualTo(503);
        assertThat(upload.problemType()).isEqualTo("file-store-unavailable");
        assertThat(download.status()).isEqualTo(503);
        assertThat(download.contentType()).startsWith("application/problem+json");
        assertThat(download.problemType()).isEqualTo("file-store-unavailable");
        assertThat(download.header("Content-Disposition")).isNull();
        assertThat(jdbc.sql("select count(*) from files where share_id = ?")
                        .param(share.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from file_object")
                        .query(Long.class)
                        .single())
                .isEqualTo(storedBefore);
    }

    private static UUID objectOf(String shareId, String fileId) {
        return jdbc.sql("select object_id from files where share_id = ? and file_id = ?")
                .params(shareId, fileId)
                .query(UUID.class)
                .single();
    }
}
