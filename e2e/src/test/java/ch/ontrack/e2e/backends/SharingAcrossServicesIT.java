package ch.ontrack.e2e.backends;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.apiclient.ProviderApi;
import ch.ontrack.e2e.Mailbox;
import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.launcher.LocalPlatform;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Both backends, each with its own PostgreSQL, over real HTTPS through the gateway. */
class SharingAcrossServicesIT {

    private static final JsonMapper JSON = new JsonMapper();
    private final LocalPlatform platform = SharedPlatform.get();
    private final HttpClient http = SharedPlatform.httpClient();

    private ProviderApi newProvider() {
        return SharedPlatform.providerApi(platform);
    }

    private ClientApi newClient() {
        return SharedPlatform.clientApi(platform);
    }

    @Test
    void providerSeesDeliveredThenViewedThenDownloaded() throws Exception {
        Sharing sharing = Sharing.prepare(newProvider(), platform);
        Sharing.Sent sent = sharing.send();
        String shareId = sent.id();
        String token = sent.token();
        String code = sent.code();
        assertThat(sent.status()).isEqualTo("DELIVERED");
        assertThat(code).matches("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}");

        JsonNode mail = Mailbox.awaitMessageTo(platform, http, sharing.clientEmail(), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no mail to the client"));
        assertThat(mail.get("body").asString())
                .contains(sent.link())
                .doesNotContain(code)
                .doesNotContain(code.replace("-", ""));

        ClientApi client = newClient();
        ApiResponse unlocked = client.unlock(token, code.toLowerCase().replace("-", " "));
        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(sharing.awaitStatus(shareId, "VIEWED", Duration.ofSeconds(10)))
                .isEqualTo("VIEWED");

        JsonNode document = JSON.readTree(client.document(token).text());
        assertThat(document.get("title").asString()).isEqualTo("Annual accounts");
        assertThat(document.get("message").asString()).isEqualTo("Dear client,\nhere they are.");
        assertThat(document.get("providerName").asString()).startsWith("Fiduciary ");
        String clientFileId = document.get("files").get(0).get("id").asString();

        ApiResponse file = client.file(token, clientFileId);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(Sharing.PDF);
        assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment")
                .contains("accounts.pdf");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        assertThat(sharing.awaitStatus(shareId, "DOWNLOADED", Duration.ofSeconds(10)))
                .isEqualTo("DOWNLOADED");
        JsonNode share = sharing.share(shareId);
        assertThat(share.get("deliveredAt").isNull()).isFalse();
        assertThat(share.get("events").toString()).contains("VIEWED", "DOWNLOADED");
        assertThat(share.has("accessCode"))
                .as("the code is shown once, at sending")
                .isFalse();
    }

    @Test
    void fiveWrongCodesLockTheShareUntilTheProviderRegeneratesTheCode() throws Exception {
        Sharing sharing = Sharing.prepare(newProvider(), platform);
        Sharing.Sent sent = sharing.send();
        String shareId = sent.id();
        String token = sent.token();
        ClientApi client = newClient();

        for (int attemptsLeft = 4; attemptsLeft >= 1; attemptsLeft--) {
            ApiResponse wrong = client.unlock(token, "AAAAA-AAAAA");
            assertThat(wrong.status()).isEqualTo(403);
            assertThat(JSON.readTree(wrong.text()).get("attemptsLeft").asInt()).isEqualTo(attemptsLeft);
        }
        assertThat(client.unlock(token, "AAAAA-AAAAA").status()).isEqualTo(423);
        ApiResponse locked = client.unlock(token, sent.code());
        assertThat(locked.status()).as("even the right code, once locked").isEqualTo(423);
        assertThat(JSON.readTree(client.shareState(token).text()).get("state").asString())
                .isEqualTo("LOCKED");
        assertThat(sharing.share(shareId).get("locked").asBoolean()).isTrue();

        String newCode = sharing.provider()
                .post("/api/shares/" + shareId + "/regenerate-code", Map.of())
                .get("accessCode")
                .asString();
        assertThat(newCode).isNotEqualTo(sent.code());
        assertThat(client.unlock(token, sent.code()).status())
                .as("the old code is gone")
                .isEqualTo(403);
        assertThat(client.unlock(token, newCode).status()).isEqualTo(200);
    }

    @Test
    void aRevokedShareCannotBeOpenedEvenWithASession() throws Exception {
        Sharing sharing = Sharing.prepare(newProvider(), platform);
        Sharing.Sent sent = sharing.send();
        String token = sent.token();
        ClientApi client = newClient();
        assertThat(client.unlock(token, sent.code()).status()).isEqualTo(200);

        JsonNode revoked = sharing.provider().post("/api/shares/" + sent.id() + "/revoke", Map.of());
        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(client.document(token).status()).isEqualTo(410);
        assertThat(client.unlock(token, sent.code()).status()).isEqualTo(410);
        assertThat(JSON.readTree(client.shareState(token).text()).get("state").asString())
                .isEqualTo("REVOKED");
    }

    @Test
    void anExpiryChangedByTheProviderIsEnforcedByTheClientBackend() throws Exception {
        Sharing sharing = Sharing.prepare(newProvider(), platform);
        Sharing.Sent sent = sharing.send();
        String shareId = sent.id();
        String token = sent.token();
        Instant soon = Instant.now().plusSeconds(3);
        sharing.provider()
                .session()
                .patch("/api/shares/" + shareId, Map.of("expiresAt", soon.toString()))
                .expectOk();
        assertThat(sharing.share(shareId).get("expiresAt").asString()).isNotEmpty();

        while (Instant.now().isBefore(soon.plusMillis(500))) {
            Thread.sleep(200);
        }
        assertThat(JSON.readTree(newClient().shareState(token).text())
                        .get("state")
                        .asString())
                .isEqualTo("EXPIRED");
        assertThat(newClient().unlock(token, sent.code()).status()).isEqualTo(410);
        assertThat(sharing.share(shareId).get("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void followingTheLinkWithGetsChangesNothing() throws Exception {
        Sharing sharing = Sharing.prepare(newProvider(), platform);
        Sharing.Sent sent = sharing.send();
        String shareId = sent.id();
        String token = sent.token();
        ClientApi scanner = newClient();
        for (int i = 0; i < 10; i++) {
            scanner.shareState(token);
            scanner.document(token);
            scanner.file(token, sharing.fileId());
            http.send(
                    HttpRequest.newBuilder(java.net.URI.create(sent.link())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        JsonNode share = sharing.share(shareId);
        assertThat(share.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(share.get("events")).isEmpty();
        assertThat(share.get("failedAttempts").asInt()).isZero();
        ApiResponse state = scanner.shareState(token);
        assertThat(JSON.readTree(state.text()).get("attemptsLeft").asInt()).isEqualTo(5);
    }

    @Test
    void anotherProviderCannotSeeOrTouchTheShare() throws Exception {
        Sharing sharing = Sharing.prepare(newProvider(), platform);
        String shareId = sharing.send().id();
        Sharing other = Sharing.prepare(newProvider(), platform);
        for (String[] call : new String[][] {
            {"GET", "/api/shares/" + shareId},
            {"POST", "/api/shares/" + shareId + "/revoke"},
            {"POST", "/api/shares/" + shareId + "/regenerate-code"},
            {"POST", "/api/shares/" + shareId + "/reveal-code"},
            {"GET", "/api/documents/" + sharing.documentId() + "/shares"}
        }) {
            ApiResponse r = other.provider().session().exchange(call[0], call[1], call[0].equals("POST") ? "{}" : null);
            assertThat(r.status()).as(call[0] + " " + call[1]).isEqualTo(404);
        }
        assertThat(sharing.share(shareId).get("status").asString()).isEqualTo("DELIVERED");
    }
}
