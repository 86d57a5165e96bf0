package ch.ontrack.e2e.backends;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.e2e.Mailbox;
import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.launcher.topology.LocalTopology;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** No share is lost: sent while the client backend is down, it arrives once it is back, exactly once. */
class DeliveryWhileClientBackendIsDownIT {

    private static final JsonMapper JSON = new JsonMapper();

    @Test
    void aShareSentWhileTheClientBackendIsDownArrivesExactlyOnceWhenItIsBack() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        HttpClient http = SharedPlatform.httpClient();
        Sharing sharing = Sharing.prepare(SharedPlatform.providerApi(platform), platform);

        platform.stopComponent(LocalTopology.CLIENT_BACKEND);
        Sharing.Sent sent;
        try {
            sent = sharing.send();
            assertThat(sent.status()).isEqualTo("PENDING_DELIVERY");
            assertThat(sent.code()).isNull();
            assertThat(sent.link()).startsWith(platform.clientUrl() + "/s/");
            assertThat(sharing.provider()
                            .session()
                            .post("/api/shares/" + sent.id() + "/reveal-code", "{}")
                            .status())
                    .as("no code before delivery")
                    .isEqualTo(409);
            Thread.sleep(Duration.ofSeconds(6).toMillis()); // at least one retry of the worker fails meanwhile
            assertThat(sharing.share(sent.id()).get("status").asString()).isEqualTo("PENDING_DELIVERY");
        } finally {
            platform.startComponent(LocalTopology.CLIENT_BACKEND);
        }

        String shareId = sent.id();
        assertThat(sharing.awaitStatus(shareId, "DELIVERED", Duration.ofSeconds(60)))
                .isEqualTo("DELIVERED");
        assertThat(sharing.share(shareId).get("codeWaiting").asBoolean()).isTrue();

        String code = sharing.provider()
                .post("/api/shares/" + shareId + "/reveal-code", Map.of())
                .get("accessCode")
                .asString();
        ApiResponse again = sharing.provider().session().post("/api/shares/" + shareId + "/reveal-code", "{}");
        assertThat(again.status()).as("the code is revealed once").isEqualTo(409);
        assertThat(sharing.share(shareId).get("codeWaiting").asBoolean()).isFalse();

        // exactly once: one mail, and no second delivery (which would replace the revealed code)
        Mailbox.awaitMessageTo(platform, http, sharing.clientEmail(), Duration.ofSeconds(30))
                .orElseThrow();
        Thread.sleep(Duration.ofSeconds(6).toMillis());
        HttpResponse<String> messages = http.send(
                HttpRequest.newBuilder(platform.mailUrl().resolve("/api/messages"))
                        .build(),
                BodyHandlers.ofString());
        long mails = 0;
        for (JsonNode message : JSON.readTree(messages.body())) {
            if (message.get("to").asString().contains(sharing.clientEmail())) {
                mails++;
            }
        }
        assertThat(mails).isEqualTo(1);
        ClientApi client = SharedPlatform.clientApi(platform);
        String token = sent.token();
        assertThat(client.unlock(token, code).status()).isEqualTo(200);
        JsonNode document = JSON.readTree(client.document(token).text());
        assertThat(document.get("files")).hasSize(1);
        ApiResponse file =
                client.file(token, document.get("files").get(0).get("id").asString());
        assertThat(file.body()).isEqualTo(Sharing.PDF);

        assertThat(sharing.awaitStatus(shareId, "DOWNLOADED", Duration.ofSeconds(10)))
                .isEqualTo("DOWNLOADED");
    }
}
