package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Grafana dashboards reach kube-prometheus-stack's sidecar as labelled ConfigMaps holding valid dashboards. */
class DashboardsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void eachSiteRendersItsBackendDashboardAndTheProviderSiteThePlatformOverview() {
        List<Manifest> dashboards = dashboards(Charts.environment(Environment.PRODUCTION));

        assertThat(dashboards)
                .extracting(m -> m.namespace() + "/" + m.name())
                .containsExactlyInAnyOrder(
                        "oc-provider/provider-backend-dashboard",
                        "oc-provider/platform-overview-dashboard",
                        "oc-client/client-backend-dashboard");
        assertThat(dashboards).allSatisfy(m -> {
            assertThat(m.body()
                            .path("metadata")
                            .path("labels")
                            .path("grafana_dashboard")
                            .asString())
                    .isEqualTo("1");
            assertThat(Schemas.violations(m)).as(m.toString()).isEmpty();
        });
    }

    @Test
    void everyDashboardIsTheGeneratedJsonAndEveryPanelHasAQuery() throws IOException {
        List<String> uids = new ArrayList<>();
        for (Manifest configMap : dashboards(Charts.environment(Environment.PRODUCTION))) {
            String name = configMap.name().replaceFirst("-dashboard$", "");
            JsonNode data = configMap.body().path("data");
            assertThat(data.propertyNames()).containsExactly(name + ".json");
            JsonNode dashboard = JSON.readTree(data.path(name + ".json").asString());

            assertThat(dashboard)
                    .as(configMap.toString())
                    .isEqualTo(JSON.readTree(
                            Files.readString(Charts.PLATFORM.resolve("files/dashboards/" + name + ".json"))));
            List<JsonNode> panels = new ArrayList<>();
            dashboard.path("panels").forEach(p -> {
                if (!p.path("type").asString().equals("row")) {
                    panels.add(p);
                }
            });
            assertThat(panels)
                    .as(name)
                    .isNotEmpty()
                    .allSatisfy(panel -> assertThat(panel.path("targets").findValuesAsString("expr"))
                            .as(name + ": " + panel.path("title").asString())
                            .anySatisfy(expr -> assertThat(expr).isNotBlank()));
            assertThat(dashboard.path("templating").path("list").findValuesAsString("name"))
                    .contains("datasource");
            uids.add(dashboard.path("uid").asString());
        }
        assertThat(uids).hasSize(3).doesNotHaveDuplicates().doesNotContain("");
    }

    @Test
    void stagingRendersTheSameDashboardsUnderItsOwnUidsAndTitles() throws IOException {
        List<Manifest> staging = dashboards(Charts.environment(Environment.STAGING));

        assertThat(staging)
                .extracting(m -> m.namespace() + "/" + m.name())
                .containsExactlyInAnyOrder(
                        "oc-staging-provider/provider-backend-dashboard",
                        "oc-staging-provider/platform-overview-dashboard",
                        "oc-staging-client/client-backend-dashboard");
        for (Manifest configMap : staging) {
            String name = configMap.name().replaceFirst("-dashboard$", "");
            JsonNode dashboard = JSON.readTree(
                    configMap.body().path("data").path(name + ".json").asString());
            JsonNode production =
                    JSON.readTree(Files.readString(Charts.PLATFORM.resolve("files/dashboards/" + name + ".json")));

            assertThat(dashboard.path("uid").asString())
                    .isEqualTo(production.path("uid").asString() + "-staging");
            assertThat(dashboard.path("title").asString())
                    .isEqualTo(production.path("title").asString() + " (staging)");
            assertThat(dashboard.path("panels")).as(name + ": the same panels").isEqualTo(production.path("panels"));
        }
    }

    @Test
    void noDashboardsWithoutMonitoringOrWhenTurnedOff() {
        List<Manifest> off = provider(Map.of("monitoring.dashboards.enabled", "false"));
        assertThat(dashboards(off)).isEmpty();
        assertThat(off).as("scraping stays on").anyMatch(m -> m.is("ServiceMonitor"));
    }

    @Test
    void theSidecarLabelsFollowTheValues() {
        List<Manifest> dashboards =
                dashboards(provider(Map.of("monitoring.dashboards.labels.grafana_dashboard", "oc")));

        assertThat(dashboards)
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.body()
                                .path("metadata")
                                .path("labels")
                                .path("grafana_dashboard")
                                .asString())
                        .isEqualTo("oc"));
    }

    private static List<Manifest> dashboards(List<Manifest> manifests) {
        return manifests.stream()
                .filter(m -> m.is("ConfigMap") && m.name().endsWith("-dashboard"))
                .toList();
    }

    private static List<Manifest> provider(Map<String, String> sets) {
        Map<String, String> all = new HashMap<>(Charts.OFFLINE);
        all.putAll(sets);
        return Charts.render(Charts.PLATFORM, "oc-provider", "oc-provider", Environment.PRODUCTION.valuesFile(), all);
    }
}
