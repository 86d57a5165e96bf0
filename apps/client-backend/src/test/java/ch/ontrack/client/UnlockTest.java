package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UnlockTest extends ApiTest {

    static String cookieOf(ApiResponse unlocked) {
        return unlocked.header("Set-Cookie").split(";", 2)[0];
    }

    @Test
    void unlockWithTheCodeOpensTheDocument() {
        var share = shares.share().pdf().deliver();

        var state = site.exchange("GET", "/api/shares/" + share.token(), null);
        var unlocked = client.unlock(share.token(), share.code());

        assertThat(state.json().path("state").asString()).isEqualTo("AVAILABLE");
        assertThat(state.json().path("attemptsLeft").asInt()).isEqualTo(5);
        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.json().path("title").asString()).isEqualTo("Tax return 2025");
        assertThat(unlocked.json().path("providerName").asString()).isEqualTo("Muster Treuhand AG");
        assertThat(unlocked.json().path("files").get(0).path("name").asString()).isEqualTo("report.pdf");
        assertThat(unlocked.json().path("files").get(0).path("size").asLong()).isEqualTo(TestShares.PDF.length);
        assertThat(unlocked.header("Set-Cookie"))
                .startsWith("__Host-oc-share=")
                .contains("Path=/", "Secure", "HttpOnly", "SameSite=Strict", "Max-Age=1800");
        var document =
                site.exchange("GET", "/api/shares/" + share.token() + "/document", null, "Cookie", cookieOf(unlocked));
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().path("message").asString()).isEqualTo("Please find the documents attached.");
    }

    @Test
    void codeIsAcceptedInLowerCaseAndWithoutOrWithSpacedDash() {
        var share = shares.share().deliver();
        String plain = share.code().replace("-", "");

        assertThat(client.unlock(share.token(), plain.toLowerCase(Locale.ROOT)).status())
                .isEqualTo(200);
        assertThat(client.unlock(share.token(), " " + plain.substring(0, 5) + " - " + plain.substring(5) + " ")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void lockedAfterFiveWrongCodesUntilANewCodeIsIssued() {
        var share = shares.share().deliver();

        for (int left = 4; left >= 1; left--) {
            var wrong = client.unlock(share.token(), "22222-22222");
            assertThat(wrong.status()).isEqualTo(403);
            assertThat(wrong.problemType()).isEqualTo("wrong-access-code");
            assertThat(wrong.json().path("attemptsLeft").asInt()).isEqualTo(left);
        }
        var fifth = client.unlock(share.token(), "22222-22222");
        var rightButLocked = client.unlock(share.token(), share.code());

        assertThat(fifth.status()).isEqualTo(423);
        assertThat(fifth.problemType()).isEqualTo("share-locked");
        assertThat(rightButLocked.status()).isEqualTo(423);
        assertThat(site.exchange("GET", "/api/shares/" + share.token(), null)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("LOCKED");
        var status = internal.exchange("GET", "/internal/shares/" + share.id() + "/events", null)
                .json();
        assertThat(status.path("locked").asBoolean()).isTrue();
        assertThat(status.path("failedAttempts").asInt()).isEqualTo(5);
        assertThat(status.path("events").get(5).path("type").asString()).isEqualTo("LOCKED");

        var newCode = internal.exchange("POST", "/internal/shares/" + share.id() + "/access-code", null);
        var unlocked =
                client.unlock(share.token(), newCode.json().path("accessCode").asString());

        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(site.exchange("GET", "/api/shares/" + share.token(), null)
                        .json()
                        .path("attemptsLeft")
                        .asInt())
                .isEqualTo(5);
    }

    @Test
    void tooManyAttemptsFromOneAddressAreThrottled() {
        var share = shares.share().deliver();
        for (int i = 0; i < 20; i++) {
            assertThat(client.unlock("unknown-token-" + "x".repeat(20), "22222-22222")
                            .status())
                    .isEqualTo(404);
        }

        var throttled = client.unlock(share.token(), share.code());
        var otherClient = anotherClient();

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.problemType()).isEqualTo("too-many-attempts");
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isPositive();
        assertThat(otherClient.unlock(share.token(), share.code()).status()).isEqualTo(200);
    }

    @Test
    void expiredShareCannotBeOpened() {
        var share = shares.share()
                .expiresAt(Instant.now().minus(Duration.ofMinutes(1)))
                .deliver();

        var unlock = client.unlock(share.token(), share.code());

        assertThat(site.exchange("GET", "/api/shares/" + share.token(), null)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("EXPIRED");
        assertThat(unlock.status()).isEqualTo(410);
        assertThat(unlock.problemType()).isEqualTo("share-expired");
    }

    @Test
    void changingTheExpiryClosesAndReopensTheShare() {
        var share = shares.share().deliver();
        String expiry = "/internal/shares/" + share.id() + "/expiry";
        var unlocked = client.unlock(share.token(), share.code());

        assertThat(internal.exchange(
                                "PUT",
                                expiry,
                                "{\"expiresAt\":\"" + Instant.now().minusSeconds(5) + "\"}")
                        .status())
                .isEqualTo(204);
        var afterExpiry =
                site.exchange("GET", "/api/shares/" + share.token() + "/document", null, "Cookie", cookieOf(unlocked));
        assertThat(afterExpiry.status()).isEqualTo(410);
        assertThat(afterExpiry.problemType()).isEqualTo("share-expired");

        assertThat(internal.exchange(
                                "PUT",
                                expiry,
                                "{\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(3)) + "\"}")
                        .status())
                .isEqualTo(204);
        assertThat(client.unlock(share.token(), share.code()).status()).isEqualTo(200);
    }

    @Test
    void revokedShareCannotBeReadEvenWithASession() {
        var share = shares.share().pdf().deliver();
        var unlocked = client.unlock(share.token(), share.code());

        assertThat(internal.exchange("POST", "/internal/shares/" + share.id() + "/revoke", null)
                        .status())
                .isEqualTo(204);

        var document =
                site.exchange("GET", "/api/shares/" + share.token() + "/document", null, "Cookie", cookieOf(unlocked));
        var file = site.exchange(
                "GET",
                "/api/shares/" + share.token() + "/files/" + share.file(0).id(),
                null,
                "Cookie",
                cookieOf(unlocked));
        assertThat(document.status()).isEqualTo(410);
        assertThat(document.problemType()).isEqualTo("share-revoked");
        assertThat(file.status()).isEqualTo(410);
        assertThat(client.unlock(share.token(), share.code()).problemType()).isEqualTo("share-revoked");
        assertThat(site.exchange("GET", "/api/shares/" + share.token(), null)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("REVOKED");
    }

    @Test
    void linkScannersChangeNothing() {
        var share = shares.share().pdf().deliver();
        String base = "/api/shares/" + share.token();

        for (int i = 0; i < 30; i++) {
            assertThat(site.exchange("GET", base, null).status()).isEqualTo(200);
            assertThat(site.exchange("GET", base + "/document", null).status()).isEqualTo(401);
            assertThat(site.exchange("GET", base + "/files/" + share.file(0).id(), null)
                            .status())
                    .isEqualTo(401);
            assertThat(site.exchange("HEAD", base, null).status()).isEqualTo(200);
        }

        var status = internal.exchange("GET", "/internal/shares/" + share.id() + "/events", null)
                .json();
        assertThat(status.path("failedAttempts").asInt()).isZero();
        assertThat(status.path("events").size()).isZero();
        assertThat(site.exchange("GET", base, null).json().path("attemptsLeft").asInt())
                .isEqualTo(5);
    }

    @Test
    void documentNeedsTheShareSession() {
        var share = shares.share().deliver();

        var none = site.exchange("GET", "/api/shares/" + share.token() + "/document", null);
        var forged = site.exchange(
                "GET",
                "/api/shares/" + share.token() + "/document",
                null,
                "Cookie",
                "__Host-oc-share=" + "A".repeat(43));

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.problemType()).isEqualTo("unlock-required");
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void aShareSessionOpensOnlyItsOwnShare() {
        var mine = shares.share().pdf().deliver();
        var theirs = shares.share().pdf().deliver();
        String cookie = cookieOf(client.unlock(mine.token(), mine.code()));

        var document = site.exchange("GET", "/api/shares/" + theirs.token() + "/document", null, "Cookie", cookie);
        var file = site.exchange(
                "GET",
                "/api/shares/" + theirs.token() + "/files/" + theirs.file(0).id(),
                null,
                "Cookie",
                cookie);
        var crossed = site.exchange(
                "GET",
                "/api/shares/" + mine.token() + "/files/" + theirs.file(0).id(),
                null,
                "Cookie",
                cookie);

        assertThat(document.status()).isEqualTo(401);
        assertThat(file.status()).isEqualTo(401);
        assertThat(crossed.status()).isEqualTo(404);
    }

    @Test
    void unknownTokenIsNotFound() {
        var response = site.exchange("GET", "/api/shares/" + "b".repeat(43), null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("not-found");
    }

    @Test
    void badUnlockInputIsRefusedWithoutCountingAnAttempt() {
        var share = shares.share().deliver();
        String path = "/api/shares/" + share.token() + "/unlock";

        var malformed = site.exchange("POST", path, "{\"code\":", "X-Forwarded-For", clientAddress);
        var blank = site.exchange("POST", path, "{\"code\":\"  \"}", "X-Forwarded-For", clientAddress);

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemType()).isEqualTo("bad-request");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.problemType()).isEqualTo("validation");
        assertThat(site.exchange("GET", "/api/shares/" + share.token(), null)
                        .json()
                        .path("attemptsLeft")
                        .asInt())
                .isEqualTo(5);
    }
}
