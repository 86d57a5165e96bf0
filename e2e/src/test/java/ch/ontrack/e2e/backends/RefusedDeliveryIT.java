package ch.ontrack.e2e.backends;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A delivery the client backend refuses ends as DELIVERY_FAILED with the reason, is not retried on its own,
 * and the provider's retry delivers once the cause is gone. The provider validates everything the client
 * backend checks, so the refusal comes from the one realistic cause left: the two backends deployed with
 * different limits (here the client backend takes files of at most 1 MB, the provider 25 MB).
 */
class RefusedDeliveryIT {

    private static final JsonMapper JSON = new JsonMapper();

    @Test
    void aRefusedDeliveryShowsAsFailedAndARetryAfterTheFixDelivers() throws Exception {
        Path data = Files.createTempDirectory("oc-e2e-");
        LaunchOptions options = LaunchOptions.forTests(SharedPlatform.repoRoot(), data)
                .withEnv(LocalTopology.CLIENT_BACKEND, "UPLOAD_MAX_FILE_SIZE", "1MB");
        for (String backend : LocalTopology.BACKENDS) {
            options = options.withJvmOptions(backend, "-Xmx384m");
        }
        try (LocalPlatform platform = LocalPlatform.start(options)) {
            Sharing sharing = Sharing.prepare(SharedPlatform.providerApi(platform), platform);
            // over the client backend's 1 MB, small enough for its server to read the refused body to the end
            byte[] scan = new byte[1536 * 1024];
            System.arraycopy(Sharing.PDF, 0, scan, 0, Sharing.PDF.length);
            String scanId = sharing.provider()
                    .uploadFile(sharing.documentId(), "scan.pdf", "application/pdf", scan)
                    .get("id")
                    .asString();

            Sharing.Sent sent = sharing.send();
            assertThat(sharing.awaitStatus(sent.id(), "DELIVERY_FAILED", Duration.ofSeconds(60)))
                    .isEqualTo("DELIVERY_FAILED");
            JsonNode failed = sharing.share(sent.id());
            assertThat(failed.get("deliveryFailure").asString()).contains("413", "1 MB");
            int attempts = failed.get("deliveryAttempts").asInt();
            // the worker runs every few seconds; a refused delivery is left alone meanwhile
            Thread.sleep(Duration.ofSeconds(12).toMillis());
            JsonNode still = sharing.share(sent.id());
            assertThat(still.get("status").asString()).isEqualTo("DELIVERY_FAILED");
            assertThat(still.get("deliveryAttempts").asInt()).isEqualTo(attempts);

            // the fix: the provider removes the file the client service cannot take, then retries
            assertThat(sharing.provider()
                            .session()
                            .delete("/api/documents/" + sharing.documentId() + "/files/" + scanId)
                            .status())
                    .isEqualTo(204);
            sharing.provider().post("/api/shares/" + sent.id() + "/retry-delivery", Map.of());
            assertThat(sharing.awaitStatus(sent.id(), "DELIVERED", Duration.ofSeconds(60)))
                    .isEqualTo("DELIVERED");

            String code = sharing.provider()
                    .post("/api/shares/" + sent.id() + "/reveal-code", Map.of())
                    .get("accessCode")
                    .asString();
            ClientApi client = SharedPlatform.clientApi(platform);
            assertThat(client.unlock(sent.token(), code).status()).isEqualTo(200);
            JsonNode document = JSON.readTree(client.document(sent.token()).text());
            assertThat(document.get("files")).hasSize(1);
            assertThat(client.file(
                                    sent.token(),
                                    document.get("files").get(0).get("id").asString())
                            .body())
                    .isEqualTo(Sharing.PDF);
        } finally {
            try (Stream<Path> walk = Files.walk(data)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
