package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.web.testing.PrometheusScrape;
import org.junit.jupiter.api.Test;

/**
 * The domain metrics move when their event happens, as scraped from /actuator/prometheus on the management port
 * (names: docs/operations.md "Metrics reference").
 */
class MetricsTest extends ApiTest {

    static final String APP = "client-backend";

    @Test
    void unlockOutcomesAndTheLockoutAreCounted() {
        var share = shares.share().deliver();
        PrometheusScrape before = scrape();
        assertThat(client.unlock(share.token(), "22222-22222").status()).isEqualTo(403);
        PrometheusScrape afterOne = scrape();
        for (int i = 0; i < 4; i++) {
            client.unlock(share.token(), "22222-22222");
        }
        assertThat(client.unlock(share.token(), share.code()).status()).isEqualTo(423);
        PrometheusScrape after = scrape();

        assertThat(delta(before, afterOne, "oc_client_unlock_total", "outcome", "wrongcode"))
                .isEqualTo(1);
        assertThat(delta(before, afterOne, "oc_lockouts_total")).isZero();
        assertThat(delta(before, after, "oc_client_unlock_total", "outcome", "wrongcode"))
                .isEqualTo(4);
        // the fifth wrong code locks the share; the right code after it finds it locked
        assertThat(delta(before, after, "oc_client_unlock_total", "outcome", "locked"))
                .isEqualTo(2);
        assertThat(delta(before, after, "oc_lockouts_total", "application", APP))
                .isEqualTo(1);
        assertThat(delta(before, after, "oc_client_unlock_total", "outcome", "unlocked"))
                .isZero();
    }

    @Test
    void downloadsAreCountedByDispositionWithTheirBytes() {
        byte[] zip = new byte[70_000];
        var share =
                shares.share().pdf().file("data.zip", "application/zip", zip).deliver();
        String cookie = UnlockTest.cookieOf(client.unlock(share.token(), share.code()));
        PrometheusScrape before = scrape();

        String files = "/api/shares/" + share.token() + "/files/";
        assertThat(site.exchange("GET", files + share.file(0).id() + "?inline=true", null, "Cookie", cookie)
                        .status())
                .isEqualTo(200);
        assertThat(site.exchange("GET", files + share.file(1).id(), null, "Cookie", cookie)
                        .status())
                .isEqualTo(200);
        assertThat(site.exchange("HEAD", files + share.file(1).id(), null, "Cookie", cookie)
                        .status())
                .isEqualTo(200);
        PrometheusScrape after = scrape();

        assertThat(delta(before, after, "oc_downloads_total", "disposition", "inline"))
                .isEqualTo(1);
        assertThat(delta(before, after, "oc_downloads_total", "disposition", "attachment"))
                .isEqualTo(1);
        assertThat(delta(before, after, "oc_download_bytes_total", "application", APP))
                .isEqualTo(TestShares.PDF.length + zip.length);
    }

    @Test
    void aThrottledUnlockIsCountedAsRateLimited() {
        var share = shares.share().deliver();
        ClientApi oneAddress = anotherClient();
        PrometheusScrape before = scrape();
        for (int i = 0; i < 20; i++) {
            oneAddress.unlock("unknown-token-" + "y".repeat(20), "22222-22222");
        }
        assertThat(oneAddress.unlock(share.token(), share.code()).status()).isEqualTo(429);
        PrometheusScrape after = scrape();

        assertThat(delta(before, after, "oc_rate_limited_total", "limiter", "unlock"))
                .isEqualTo(1);
    }

    @Test
    void publicReadsHaveTheLatencyBucketsTheAlertsRead() {
        var share = shares.share().deliver();
        assertThat(site.exchange("GET", "/api/shares/" + share.token(), null).status())
                .isEqualTo(200);
        PrometheusScrape scrape = scrape();
        for (String le : new String[] {"0.1", "0.25", "0.5", "1.0", "2.5", "+Inf"}) {
            assertThat(scrape.has(
                            "http_server_requests_seconds_bucket",
                            "application",
                            APP,
                            "uri",
                            "/api/shares/{token}",
                            "status",
                            "200",
                            "le",
                            le))
                    .as("bucket le=" + le)
                    .isTrue();
        }
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of("http://localhost:" + managementPort + "/actuator/prometheus");
    }

    private static double delta(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
