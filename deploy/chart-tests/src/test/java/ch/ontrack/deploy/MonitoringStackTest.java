package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The monitoring stack's values (deploy/bootstrap/values/): Prometheus finds the oc-platform chart's monitors and rules
 * in any namespace, Grafana its dashboards, and the log collector makes only low-cardinality labels. The keys
 * themselves were checked against each chart's values.yaml at the pinned version (named in each file's header).
 */
class MonitoringStackTest {

    private static final Path VALUES = Charts.DEPLOY.resolve("bootstrap/values");

    @Test
    void prometheusSelectsMonitorsAndRulesOfEveryNamespaceWithoutTheReleaseLabel() throws IOException {
        JsonNode spec = values("kube-prometheus-stack.yaml").path("prometheus").path("prometheusSpec");

        for (String kind : new String[] {"serviceMonitor", "podMonitor", "rule"}) {
            assertThat(spec.path(kind + "SelectorNilUsesHelmValues").asBoolean(true))
                    .as(kind)
                    .isFalse();
            assertThat(spec.path(kind + "Selector").isMissingNode()
                            || spec.path(kind + "Selector").isEmpty())
                    .as(kind)
                    .isTrue();
            assertThat(spec.path(kind + "NamespaceSelector").isMissingNode())
                    .as(kind + ": all namespaces")
                    .isTrue();
        }
        assertThat(values("kube-prometheus-stack.yaml")
                        .path("crds")
                        .path("enabled")
                        .asBoolean(true))
                .as("CRDs come from install.sh, at PROMETHEUS_OPERATOR_VERSION")
                .isFalse();
    }

    @Test
    void grafanaLoadsDashboardConfigMapsOfEveryNamespaceAndReadsLoki() throws IOException {
        JsonNode grafana = values("kube-prometheus-stack.yaml").path("grafana");
        JsonNode dashboards = grafana.path("sidecar").path("dashboards");

        assertThat(dashboards.path("label").asString()).isEqualTo("grafana_dashboard");
        assertThat(dashboards.path("labelValue").asString()).isEqualTo("1");
        assertThat(dashboards.path("searchNamespace").asString()).isEqualTo("ALL");
        assertThat(grafana.path("additionalDataSources").get(0).path("url").asString())
                .isEqualTo("http://loki.monitoring.svc:3100");
        assertThat(alloyConfig()).contains("url = \"http://loki.monitoring.svc:3100/loki/api/v1/push\"");
    }

    @Test
    void lokiIsOneSmallMonolithicPodOnItsVolume() throws IOException {
        JsonNode loki = values("loki.yaml");

        assertThat(loki.path("deploymentMode").asString()).isEqualTo("Monolithic");
        assertThat(loki.path("loki").path("storage").path("type").asString()).isEqualTo("filesystem");
        assertThat(loki.path("singleBinary").path("replicas").asInt()).isEqualTo(1);
        for (String scalable : new String[] {"read", "write", "backend"}) {
            assertThat(loki.path(scalable).path("replicas").asInt(-1))
                    .as(scalable)
                    .isZero();
        }
        assertThat(loki.path("loki").path("schemaConfig").path("configs")).isNotEmpty();
    }

    @Test
    void theCollectorMakesOnlyNamespaceServiceAndLevelLabelsAndDropsNothing() throws IOException {
        String config = alloyConfig();
        Set<String> labels = new LinkedHashSet<>();
        Matcher target = Pattern.compile("target_label\\s*=\\s*\"([^\"]+)\"").matcher(config);
        while (target.find()) {
            labels.add(target.group(1));
        }
        Matcher stage = Pattern.compile("stage\\.labels\\s*\\{\\s*values\\s*=\\s*\\{([^}]*)}")
                .matcher(config);
        assertThat(stage.find()).isTrue();
        Matcher key = Pattern.compile("(\\w+)\\s*=").matcher(stage.group(1));
        while (key.find()) {
            labels.add(key.group(1));
        }

        assertThat(labels).containsExactlyInAnyOrder("namespace", "service", "level");
        assertThat(config).doesNotContain("stage.drop", "drop_malformed = true", "stage.label_keep", "stage.sampling");
        assertThat(config).contains("level       = \"log.level || level\"", "ecs_service = \"service.name\"");
    }

    private static String alloyConfig() throws IOException {
        return values("alloy.yaml")
                .path("alloy")
                .path("configMap")
                .path("content")
                .asString();
    }

    private static JsonNode values(String file) throws IOException {
        return Charts.YAML.readTree(Files.readString(VALUES.resolve(file)));
    }
}
