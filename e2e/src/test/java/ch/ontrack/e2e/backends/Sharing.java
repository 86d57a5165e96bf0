package ch.ontrack.e2e.backends;

import ch.ontrack.apiclient.ProviderApi;
import ch.ontrack.launcher.LocalPlatform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Test data for the backend system tests: a signed-in provider with a client and a document. */
record Sharing(ProviderApi provider, String clientEmail, String clientId, String documentId, String fileId) {

    static final String PASSWORD = "a long enough passphrase";
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                    + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R>>endobj\n"
                    + "trailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    /** Signs up a new provider (verified with the mailed link), creates a client and a document with a small PDF. */
    static Sharing prepare(ProviderApi provider, LocalPlatform platform) {
        String unique = UUID.randomUUID().toString();
        String email = "provider-" + unique + "@example.com";
        provider.signup(email, PASSWORD, "Fiduciary " + unique.substring(0, 8));
        provider.verifyEmail(platform.awaitMailedToken(email, "/verify-email", Duration.ofSeconds(30)));
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
        return new Sharing(provider, clientEmail, clientId, documentId, fileId);
    }

    /** What the provider gets back from sending: the code only when delivered at once. */
    record Sent(String id, String status, String link, String token, String code) {
        static Sent of(JsonNode sent) {
            String link = sent.get("link").asString();
            String code = sent.has("accessCode") ? sent.get("accessCode").asString() : null;
            return new Sent(
                    sent.get("id").asString(),
                    sent.get("status").asString(),
                    link,
                    link.substring(link.lastIndexOf('/') + 1),
                    code);
        }
    }

    Sent send() {
        return Sent.of(provider.share(documentId, clientId, Instant.now().plus(Duration.ofDays(7))));
    }

    JsonNode share(String shareId) {
        return provider.get("/api/shares/" + shareId);
    }

    /** Polls the provider's view of a share until it has {@code status}; returns the last status seen. */
    String awaitStatus(String shareId, String status, Duration patience) throws InterruptedException {
        String seen = "";
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            seen = share(shareId).get("status").asString();
            if (seen.equals(status)) {
                return seen;
            }
            Thread.sleep(250);
        }
        return seen;
    }
}
