package ch.ontrack.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.apiclient.ProviderApi;
import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.launcher.LocalPlatform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's main flow, asserted step by step: sign up and sign in, create a client, a document
 * with a file, send it, unlock it as the client and download the file. Rate limits that earlier
 * (hostile) requests from this machine used up are waited out as a real caller would.
 */
public final class MainFlow {

    public static final String PASSWORD = "a long enough passphrase";
    public static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                    + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R>>endobj\n"
                    + "trailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final JsonMapper JSON = new JsonMapper();

    private MainFlow() {}

    /** A document sent to a client: the provider's session, its ids and what the client needs. */
    public record Sent(
            ProviderApi provider,
            String clientEmail,
            String clientId,
            String documentId,
            String fileId,
            String shareId,
            String status,
            String token,
            String code) {}

    /** Runs the whole flow and asserts each step. */
    public static void assertWorks(LocalPlatform platform) {
        Sent sent = send(platform);
        assertThat(sent.status()).isEqualTo("DELIVERED");
        assertThat(sent.code()).isNotBlank();
        assertUnlocksAndDownloads(platform, sent.token(), sent.code());
    }

    /** Signs up a new provider, signs in again, creates a client and a document with a PDF and sends it. */
    public static Sent send(LocalPlatform platform) {
        ProviderApi provider = SharedPlatform.providerApi(platform);
        String unique = UUID.randomUUID().toString();
        String email = "provider-" + unique + "@example.com";
        provider.signup(email, PASSWORD, "Fiduciary " + unique.substring(0, 8));
        provider.verifyEmail(platform.awaitMailedToken(email, "/verify-email", Duration.ofSeconds(30)));
        ApiResponse login = waitingOutRateLimit(
                () -> provider.session().post("/api/auth/login", Map.of("email", email, "password", PASSWORD)));
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        String clientEmail = "client-" + unique + "@example.com";
        String clientId = provider.createClient("Client " + unique.substring(0, 8), clientEmail)
                .get("id")
                .asString();
        String documentId = provider.createDocument("Annual accounts", "Dear client,\nhere they are.")
                .get("id")
                .asString();
        String fileId = provider.uploadFile(documentId, "accounts.pdf", "application/pdf", PDF)
                .get("id")
                .asString();
        return sendAgain(provider, clientEmail, clientId, documentId, fileId);
    }

    /** Sends the same document once more (a new share). */
    public static Sent sendAgain(
            ProviderApi provider, String clientEmail, String clientId, String documentId, String fileId) {
        JsonNode share = provider.share(documentId, clientId, Instant.now().plus(Duration.ofDays(7)));
        String link = share.get("link").asString();
        return new Sent(
                provider,
                clientEmail,
                clientId,
                documentId,
                fileId,
                share.get("id").asString(),
                share.get("status").asString(),
                link.substring(link.lastIndexOf('/') + 1),
                share.has("accessCode") ? share.get("accessCode").asString() : null);
    }

    /** Unlocks a share as the client would and downloads its only file, which must be {@link #PDF}. */
    public static void assertUnlocksAndDownloads(LocalPlatform platform, String token, String code) {
        ClientApi client = SharedPlatform.clientApi(platform);
        ApiResponse unlocked = waitingOutRateLimit(() -> client.unlock(token, code));
        assertThat(unlocked.status()).as(unlocked.text()).isEqualTo(200);
        ApiResponse document = client.document(token);
        assertThat(document.status()).as(document.text()).isEqualTo(200);
        JsonNode files = JSON.readTree(document.text()).get("files");
        assertThat(files).hasSize(1);
        ApiResponse file = client.file(token, files.get(0).get("id").asString());
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PDF);
    }

    /** The answer, after waiting out at most two 429s for the time their {@code Retry-After} asks. */
    static ApiResponse waitingOutRateLimit(Supplier<ApiResponse> call) {
        ApiResponse response = call.get();
        for (int i = 0; i < 2 && response.status() == 429; i++) {
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(60);
            try {
                Thread.sleep(Duration.ofSeconds(Math.min(seconds, 70) + 1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            response = call.get();
        }
        return response;
    }
}
