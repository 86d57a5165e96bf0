package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ShareDeliveryTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void deliveredShareGetsAnEasyToTypeAccessCode() {
        var share = shares.share().pdf().deliver();

        assertThat(share.code()).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}");
    }

    @Test
    void retriedDeliveryKeepsOneShareAndIssuesAFreshCode() {
        var builder = shares.share().pdf();
        var share = builder.deliver();

        var retry = internal.exchange("PUT", "/internal/shares/" + share.id(), builder.body());

        assertThat(retry.status()).isEqualTo(200);
        String freshCode = retry.json().path("accessCode").asString();
        assertThat(freshCode).isNotEqualTo(share.code());
        assertThat(jdbc.sql("select count(*) from shares where id = ?")
                        .param(share.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(client.unlock(share.token(), share.code()).status()).isEqualTo(403);
        assertThat(client.unlock(share.token(), freshCode).status()).isEqualTo(200);
    }

    @Test
    void fileUploadIsIdempotent() {
        var share = shares.share().pdf().deliver();
        var file = share.file(0);

        var again = shares.putFile(share.id(), file.id(), file.name(), file.type(), file.bytes());

        assertThat(again.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from files where share_id = ?")
                        .param(share.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void shareWhoseFilesWereNotUploadedIsRefused() {
        var builder = shares.share().pdf();

        var response = internal.exchange("PUT", "/internal/shares/" + java.util.UUID.randomUUID(), builder.body());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.problemType()).isEqualTo("files-missing");
    }

    @Test
    void internalApiRejectsAMissingOrWrongSecret() {
        var share = shares.share().deliver();
        String path = "/internal/shares/" + share.id() + "/events";

        var missing = internalWithoutSecret().sendBytes("GET", path, null);
        var wrong = internalWithoutSecret().sendBytes("GET", path, null, "Authorization", "Bearer not-the-secret");

        for (var response : new ApiResponse[] {missing, wrong}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.problemType()).isEqualTo("unauthorized");
        }
    }

    @Test
    void internalPathsAreNotServedOnThePublicPort() {
        var share = shares.share().deliver();

        var response = site.sendBytes(
                "GET", "/internal/shares/" + share.id() + "/events", null, "Authorization", "Bearer " + ApiTest.SECRET);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        for (String disguised : new String[] {
            "/internal;x=1/shares/" + share.id() + "/events",
            "/api/..;/internal/shares/" + share.id() + "/events",
            "/internal/shares/" + share.id() + "/events;x"
        }) {
            assertThat(site.sendBytes(
                                    "GET",
                                    disguised,
                                    null,
                                    "Authorization",
                                    "Bearer " + ApiTest.SECRET,
                                    "X-Forwarded-Port",
                                    Integer.toString(internalConnector.localPort()))
                            .status())
                    .isIn(400, 404);
        }
    }

    @Test
    void publicPathsAreNotServedOnTheInternalPort() {
        var share = shares.share().deliver();

        assertThat(internal.exchange("GET", "/api/health", null).status()).isEqualTo(404);
        assertThat(internal.exchange("GET", "/api/shares/" + share.token(), null)
                        .status())
                .isEqualTo(404);
        assertThat(internal.exchange("GET", "/api/openapi.json", null).status()).isEqualTo(404);
    }

    @Test
    void malformedJsonIsABadRequest() {
        var response = internal.exchange("PUT", "/internal/shares/" + java.util.UUID.randomUUID(), "{\"title\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("bad-request");
    }

    @Test
    void missingFieldsAreUnprocessable() {
        var response = internal.exchange("PUT", "/internal/shares/" + java.util.UUID.randomUUID(), "{\"title\":\"x\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("validation");
    }

    @Test
    void unknownSharesAreNotFound() {
        String unknown = "/internal/shares/" + java.util.UUID.randomUUID();

        for (var response : new ApiResponse[] {
            internal.exchange("GET", unknown + "/events", null),
            internal.exchange("POST", unknown + "/revoke", null),
            internal.exchange("POST", unknown + "/access-code", null),
            internal.exchange("PUT", unknown + "/expiry", "{\"expiresAt\":\"2030-01-01T00:00:00Z\"}"),
            internal.exchange("GET", "/internal/shares/not%20an%20id/events", null)
        }) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.problemType()).isEqualTo("not-found");
        }
    }

    @Test
    void oversizedFileIsRefused() {
        byte[] tooBig = new byte[3 * 1024 * 1024 + 64 * 1024];

        var response = shares.putFile(
                java.util.UUID.randomUUID().toString(),
                java.util.UUID.randomUUID().toString(),
                "big.bin",
                "application/octet-stream",
                tooBig);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("file-too-large");
    }

    @Test
    void documentLargerThanAllowedIsRefused() {
        String shareId = java.util.UUID.randomUUID().toString();
        byte[] almostThreeMegabytes = new byte[2900 * 1024];
        new Random(1).nextBytes(almostThreeMegabytes);

        var first = shares.putFile(
                shareId,
                java.util.UUID.randomUUID().toString(),
                "a.bin",
                "application/octet-stream",
                almostThreeMegabytes);
        var second = shares.putFile(
                shareId,
                java.util.UUID.randomUUID().toString(),
                "b.bin",
                "application/octet-stream",
                almostThreeMegabytes);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(413);
        assertThat(second.problemType()).isEqualTo("document-too-large");
    }

    @Test
    void eventsReportTheStateOfTheShare() {
        var share = shares.share().deliver();
        client.unlock(share.token(), "WRONG-CODE2");

        var events = internal.exchange("GET", "/internal/shares/" + share.id() + "/events", null)
                .json();

        assertThat(events.path("locked").asBoolean()).isFalse();
        assertThat(events.path("revoked").asBoolean()).isFalse();
        assertThat(events.path("failedAttempts").asInt()).isEqualTo(1);
        assertThat(events.path("expiresAt").asString()).isNotBlank();
        assertThat(events.path("events").get(0).path("type").asString()).isEqualTo("UNLOCK_FAILED");
        assertThat(events.path("events").get(0).has("fileId")).isFalse();
    }

    @Test
    void deletedShareIsGoneWithItsFiles() {
        var share = shares.share().pdf().deliver();

        assertThat(internal.exchange("DELETE", "/internal/shares/" + share.id(), null)
                        .status())
                .isEqualTo(204);
        assertThat(internal.exchange("DELETE", "/internal/shares/" + share.id(), null)
                        .status())
                .isEqualTo(204);
        assertThat(site.exchange("GET", "/api/shares/" + share.token(), null).status())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from files where share_id = ?")
                        .param(share.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theLinkTellsBeforeUnlockingWhichLanguageTheSenderChose() {
        var french = shares.share().pdf().language("fr").deliver();
        var state = site.exchange("GET", "/api/shares/" + french.token(), null);
        assertThat(state.json().path("language").asString()).isEqualTo("fr");

        var unsaid = shares.share().pdf().deliver();
        assertThat(site.exchange("GET", "/api/shares/" + unsaid.token(), null)
                        .json()
                        .path("language")
                        .asString())
                .isEqualTo("de");
    }

    @Test
    void aRedeliveryCanChangeTheLanguageAndAnUnknownOneIsRefused() {
        var builder = shares.share().pdf().language("it");
        var share = builder.deliver();
        assertThat(internal.exchange(
                                "PUT",
                                "/internal/shares/" + share.id(),
                                builder.language("en").body())
                        .status())
                .isEqualTo(200);
        assertThat(site.exchange("GET", "/api/shares/" + share.token(), null)
                        .json()
                        .path("language")
                        .asString())
                .isEqualTo("en");

        var refused = internal.exchange(
                "PUT", "/internal/shares/" + share.id(), builder.language("es").body());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("validation");
    }
}
