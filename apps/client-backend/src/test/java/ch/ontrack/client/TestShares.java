package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.web.Tokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds shares through the internal API, the way the provider backend delivers them. */
final class TestShares {

    static final byte[] PDF =
            "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    record File(String id, String name, String type, byte[] bytes) {}

    /** A delivered share: what the provider backend knows after delivery. */
    record Delivered(String id, String token, String code, List<File> files) {
        File file(int i) {
            return files.get(i);
        }
    }

    private final ApiSession internal;

    TestShares(ApiSession internal) {
        this.internal = internal;
    }

    /** Streams one file of a share to the client backend, as the provider backend does before the share. */
    ApiResponse putFile(String shareId, String fileId, String name, String type, byte[] bytes) {
        return internal.sendBytes(
                "PUT",
                "/internal/shares/" + shareId + "/files/" + fileId,
                bytes,
                "Content-Type",
                type,
                "X-File-Name",
                URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    Builder share() {
        return new Builder();
    }

    final class Builder {
        final String id = UUID.randomUUID().toString();
        private final String token = Tokens.random();
        private final List<File> files = new ArrayList<>();
        private Instant expiresAt = Instant.now().plus(Duration.ofDays(7));
        private String title = "Tax return 2025";
        private String recipient = "client@example.com";
        private String language;

        Builder file(String name, String type, byte[] bytes) {
            files.add(new File(UUID.randomUUID().toString(), name, type, bytes));
            return this;
        }

        Builder pdf() {
            return file("report.pdf", "application/pdf", PDF);
        }

        Builder expiresAt(Instant when) {
            expiresAt = when;
            return this;
        }

        /** Unset: the request carries no language, as from a provider backend that predates it. */
        Builder language(String value) {
            language = value;
            return this;
        }

        Builder title(String value) {
            title = value;
            return this;
        }

        Builder recipient(String value) {
            recipient = value;
            return this;
        }

        String body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tokenHash", Tokens.hash(token));
            body.put("providerName", "Muster Treuhand AG");
            body.put("title", title);
            body.put("message", "Please find the documents attached.");
            body.put("recipientEmail", recipient);
            body.put("expiresAt", expiresAt.toString());
            body.put("fileIds", files.stream().map(File::id).toList());
            if (language != null) {
                body.put("language", language);
            }
            return ApiTest.JSON.writeValueAsString(body);
        }

        Delivered deliver() {
            for (File f : files) {
                assertThat(putFile(id, f.id(), f.name(), f.type(), f.bytes()).status())
                        .isEqualTo(201);
            }
            ApiResponse response = internal.exchange("PUT", "/internal/shares/" + id, body());
            assertThat(response.status()).isEqualTo(201);
            return new Delivered(id, token, response.json().path("accessCode").asString(), List.copyOf(files));
        }
    }
}
