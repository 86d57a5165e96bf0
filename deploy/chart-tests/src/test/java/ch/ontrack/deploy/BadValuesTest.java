package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wrong values stop rendering with a message that names the value. */
class BadValuesTest {

    @Test
    void aMissingHostFails() {
        assertThatThrownBy(() -> renderProvider(Map.of("sites.client.host", "")))
                .hasMessageContaining("/sites/client/host");
    }

    @Test
    void aWrongTypeFails() {
        assertThatThrownBy(() -> renderProvider(Map.of("backend.replicas", "two")))
                .hasMessageContaining("/backend/replicas")
                .hasMessageContaining("integer");
    }

    @Test
    void anUnknownKeyFails() {
        assertThatThrownBy(() -> renderProvider(Map.of("backend.replica", "2"))).hasMessageContaining("replica");
    }

    @Test
    void anUnknownSettingFails() {
        assertThatThrownBy(() -> renderProvider(Map.of("settings.provider.SIGNUP_ENABLE", "true")))
                .hasMessageContaining("SIGNUP_ENABLE");
    }

    @Test
    void theLatestTagFails() {
        assertThatThrownBy(() -> renderProvider(Map.of("backend.image.tag", "latest")))
                .hasMessageContaining("/backend/image/tag");
    }

    @Test
    void anUpstreamIdleTimeoutAsLongAsTheBackendsKeepAliveFails() {
        for (String value : new String[] {"60s", "1m", "0s", "30"}) {
            assertThatThrownBy(() -> renderProvider(Map.of("gateway.upstreamIdleTimeout", value)))
                    .as(value)
                    .hasMessageContaining("/gateway/upstreamIdleTimeout");
        }
    }

    @Test
    void anExternalDatabaseWithoutItsSecretFails() {
        assertThatThrownBy(() -> renderProvider(Map.of("backend.database.mode", "external")))
                .hasMessageContaining("backend.database.external.secretName is required");
    }

    @Test
    void aRestoreThatWouldArchiveIntoTheFolderItRestoresFromFails() {
        assertThatThrownBy(() -> renderProvider(Map.of(
                        "backend.database.backup.enabled",
                        "true",
                        "backend.database.backup.destinationPath",
                        "s3://oc-backups/provider",
                        "backend.database.backup.credentialsSecret",
                        "oc-backup-credentials",
                        "backend.database.restore.enabled",
                        "true")))
                .hasMessageContaining("backend.database.backup.serverName must differ");
    }

    @Test
    void aMissingMailServerFails() {
        assertThatThrownBy(() -> renderProvider(Map.of("smtp.host", ""))).hasMessageContaining("smtp.host is required");
    }

    @Test
    void aReleaseOutsideTheSiteNamespacesWithoutASiteFails() {
        assertThatThrownBy(() -> Charts.render(
                        Charts.PLATFORM, "oc-provider", "default", Environment.PRODUCTION.valuesFile(), Charts.OFFLINE))
                .hasMessageContaining("site is not set");
    }

    @Test
    void aGatewayHostWithoutAHostFails() {
        assertThatThrownBy(() -> Charts.render(
                        Charts.GATEWAY,
                        "oc-gateway",
                        "default",
                        Environment.PRODUCTION.gatewayValues(),
                        Map.of("environments[0].sites[0].host", "")))
                .hasMessageContaining("/environments/0/sites/0/host");
    }

    @Test
    void letsEncryptWithoutAContactAddressFails() {
        assertThatThrownBy(() -> Charts.render(
                        Charts.GATEWAY,
                        "oc-gateway",
                        "default",
                        Environment.PRODUCTION.gatewayValues(),
                        Map.of("tls.acmeEmail", "")))
                .hasMessageContaining("tls.acmeEmail is required");
    }

    @Test
    void anUnknownGatewayKeyFails() {
        assertThatThrownBy(() -> Charts.render(
                        Charts.GATEWAY,
                        "oc-gateway",
                        "default",
                        Environment.PRODUCTION.gatewayValues(),
                        Map.of("tls.letsencrypt", "true")))
                .hasMessageContaining("letsencrypt");
    }

    @Test
    void aLatencyThresholdThatIsNoHistogramBucketFails() {
        assertThatThrownBy(() -> renderProvider(Map.of("monitoring.slo.providerApi.latencyThreshold", "0.3")))
                .hasMessageContaining("/monitoring/slo/providerApi/latencyThreshold");
    }

    @Test
    void anObjectiveOfOneFails() {
        assertThatThrownBy(() -> renderProvider(Map.of("monitoring.slo.clientRead.availability", "1")))
                .hasMessageContaining("/monitoring/slo/clientRead/availability");
    }

    private static void renderProvider(Map<String, String> sets) {
        Map<String, String> all = new HashMap<>(Charts.OFFLINE);
        all.putAll(sets);
        Charts.render(Charts.PLATFORM, "oc-provider", "oc-provider", Environment.PRODUCTION.valuesFile(), all);
    }
}
