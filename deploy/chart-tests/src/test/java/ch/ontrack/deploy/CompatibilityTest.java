package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The pinned versions (deploy/bootstrap/versions.env) agree with each other, checked against the add-ons' published
 * support tables kept in deploy/compatibility/. Each conflict is one sentence naming the pair.
 */
class CompatibilityTest {

    static final Path VERSIONS = Charts.DEPLOY.resolve("bootstrap/versions.env");

    @Test
    void thePinnedVersionsAreCompatible() {
        assertThat(conflicts(versions(VERSIONS), yaml("kubernetes-support.yaml"), yaml("releases.yaml")))
                .isEmpty();
    }

    @Test
    void anOperatorThatDropsTheOldestSupportedKubernetesIsNamed() {
        Map<String, String> versions = versions(VERSIONS);
        versions.put("KUBERNETES_MIN", "1.33");
        versions.put(
                "KIND_NODE_IMAGE",
                "kindest/node:v1.33.1@sha256:050072256b9a903bd914c0b2866828150cb229cea0efe5892e2b644d5dd3b34f");

        assertThat(conflicts(versions, yaml("kubernetes-support.yaml"), yaml("releases.yaml")))
                .contains(
                        "CloudNativePG 1.30.0 does not support Kubernetes 1.33 (it supports 1.34, 1.35, 1.36)",
                        "kind node image kindest/node:v1.33.1@sha256:050072256b9a903bd914c0b2866828150cb229cea0efe5892e2b644d5dd3b34f "
                                + "was not released with kind v0.32.0");
    }

    @Test
    void aKubectlTooFarFromTheClusterIsNamed() {
        Map<String, String> versions = versions(VERSIONS);
        versions.put("KUBECTL_VERSION", "v1.31.4");

        assertThat(conflicts(versions, yaml("kubernetes-support.yaml"), yaml("releases.yaml")))
                .contains("kubectl v1.31.4 is more than 1 minor away from Kubernetes 1.34");
    }

    @Test
    void aChartThatShipsAnotherOperatorIsNamed() {
        Map<String, String> versions = versions(VERSIONS);
        versions.put("CNPG_OPERATOR_VERSION", "1.29.2");

        assertThat(conflicts(versions, yaml("kubernetes-support.yaml"), yaml("releases.yaml")))
                .contains("chart cloudnative-pg 0.29.0 ships CloudNativePG 1.30.0, not 1.29.2");
    }

    @Test
    void aMonitoringStackWithAnotherOperatorThanTheCrdsIsNamed() {
        Map<String, String> versions = versions(VERSIONS);
        versions.put("KUBE_PROMETHEUS_STACK_CHART_VERSION", "88.5.3");

        assertThat(conflicts(versions, yaml("kubernetes-support.yaml"), yaml("releases.yaml")))
                .contains("chart kube-prometheus-stack 88.5.3 ships prometheus-operator (not listed in "
                        + "deploy/compatibility/releases.yaml), not v0.93.0");
    }

    static List<String> conflicts(Map<String, String> v, JsonNode support, JsonNode releases) {
        List<String> conflicts = new ArrayList<>();
        List<String> supported = minors(v.get("KUBERNETES_MIN"), v.get("KUBERNETES_MAX"));
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("cloudnative-pg", "CloudNativePG " + v.get("CNPG_OPERATOR_VERSION"));
        lines.put("envoy-gateway", "Envoy Gateway " + v.get("ENVOY_GATEWAY_VERSION"));
        lines.put("cert-manager", "cert-manager " + v.get("CERT_MANAGER_VERSION"));
        lines.put("helm", "Helm " + v.get("HELM_VERSION"));
        for (var line : lines.entrySet()) {
            String version = line.getValue().replaceFirst("^.* v?", "");
            JsonNode release = support.path(line.getKey()).path("releases").path(minor(version));
            if (release.isMissingNode()) {
                conflicts.add(
                        line.getValue() + " is not in deploy/compatibility/kubernetes-support.yaml: add its supported "
                                + "Kubernetes versions from "
                                + support.path(line.getKey()).path("source").asString());
                continue;
            }
            List<String> kubernetes = strings(release.path("kubernetes"));
            for (String k : supported) {
                if (!kubernetes.contains(k)) {
                    conflicts.add(line.getValue() + " does not support Kubernetes " + k + " (it supports "
                            + String.join(", ", kubernetes) + ")");
                }
            }
        }
        String gatewayApi = support.path("envoy-gateway")
                .path("releases")
                .path(minor(v.get("ENVOY_GATEWAY_VERSION")))
                .path("gatewayApi")
                .asString("");
        if (!gatewayApi.equals(v.get("GATEWAY_API_VERSION"))) {
            conflicts.add("Envoy Gateway " + v.get("ENVOY_GATEWAY_VERSION") + " bundles Gateway API " + gatewayApi
                    + ", not " + v.get("GATEWAY_API_VERSION"));
        }
        int skew = support.path("kubectl").path("skew").asInt();
        for (String k : supported) {
            if (Math.abs(minorNumber(v.get("KUBECTL_VERSION")) - minorNumber(k)) > skew) {
                conflicts.add("kubectl " + v.get("KUBECTL_VERSION") + " is more than " + skew
                        + " minor away from Kubernetes " + k);
            }
        }
        String node = v.get("KIND_NODE_IMAGE");
        if (!strings(releases.path("kind").path("releases").path(v.get("KIND_VERSION")))
                .contains(node)) {
            conflicts.add("kind node image " + node + " was not released with kind " + v.get("KIND_VERSION"));
        }
        if (!minor(node.replaceFirst("^[^:]*:v", "").replaceFirst("@.*$", "")).equals(v.get("KUBERNETES_MIN"))) {
            conflicts.add(
                    "kind node image " + node + " is not the oldest supported Kubernetes " + v.get("KUBERNETES_MIN"));
        }
        String shipped = releases.path("cloudnative-pg-chart")
                .path("releases")
                .path(v.get("CNPG_CHART_VERSION"))
                .asString("");
        if (!shipped.equals(v.get("CNPG_OPERATOR_VERSION"))) {
            conflicts.add("chart cloudnative-pg " + v.get("CNPG_CHART_VERSION") + " ships CloudNativePG "
                    + (shipped.isEmpty() ? "(not listed in deploy/compatibility/releases.yaml)" : shipped) + ", not "
                    + v.get("CNPG_OPERATOR_VERSION"));
        }
        String operator = releases.path("kube-prometheus-stack-chart")
                .path("releases")
                .path(v.get("KUBE_PROMETHEUS_STACK_CHART_VERSION"))
                .asString("");
        if (!operator.equals(v.get("PROMETHEUS_OPERATOR_VERSION"))) {
            conflicts.add("chart kube-prometheus-stack " + v.get("KUBE_PROMETHEUS_STACK_CHART_VERSION")
                    + " ships prometheus-operator "
                    + (operator.isEmpty() ? "(not listed in deploy/compatibility/releases.yaml)" : operator) + ", not "
                    + v.get("PROMETHEUS_OPERATOR_VERSION"));
        }
        String plugin = releases.path("plugin-barman-cloud-chart")
                .path("releases")
                .path(v.get("BARMAN_CLOUD_CHART_VERSION"))
                .asString("");
        if (!plugin.equals(v.get("BARMAN_CLOUD_PLUGIN_VERSION"))) {
            conflicts.add("chart plugin-barman-cloud " + v.get("BARMAN_CLOUD_CHART_VERSION")
                    + " ships the Barman Cloud plugin "
                    + (plugin.isEmpty() ? "(not listed in deploy/compatibility/releases.yaml)" : plugin) + ", not "
                    + v.get("BARMAN_CLOUD_PLUGIN_VERSION"));
        }
        String needs = releases.path("plugin-barman-cloud")
                .path("releases")
                .path(v.get("BARMAN_CLOUD_PLUGIN_VERSION"))
                .path("cloudnativePgAtLeast")
                .asString("");
        if (needs.isEmpty() || minorNumber(v.get("CNPG_OPERATOR_VERSION")) < minorNumber(needs)) {
            conflicts.add("the Barman Cloud plugin " + v.get("BARMAN_CLOUD_PLUGIN_VERSION") + " needs CloudNativePG "
                    + (needs.isEmpty() ? "(not listed in deploy/compatibility/releases.yaml)" : needs + " or later")
                    + ", not "
                    + v.get("CNPG_OPERATOR_VERSION"));
        }
        int postgres = Integer.parseInt(
                v.get("POSTGRESQL_IMAGE").replaceFirst("^[^:]*:", "").replaceFirst("\\..*$", ""));
        List<String> postgresVersions = strings(support.path("cloudnative-pg")
                .path("releases")
                .path(minor(v.get("CNPG_OPERATOR_VERSION")))
                .path("postgresql"));
        if (!postgresVersions.contains(String.valueOf(postgres))) {
            conflicts.add(
                    "CloudNativePG " + v.get("CNPG_OPERATOR_VERSION") + " does not support PostgreSQL " + postgres);
        }
        return conflicts;
    }

    @Test
    void theChartsAndTheirTestsUseTheSameVersions() throws IOException {
        Map<String, String> v = versions(VERSIONS);
        for (Path chart : List.of(Charts.PLATFORM, Charts.GATEWAY)) {
            assertThat(Files.readString(chart.resolve("Chart.yaml")))
                    .as(chart + " kubeVersion")
                    .contains("kubeVersion: \">=" + v.get("KUBERNETES_MIN") + ".0-0\"");
        }
        assertThat(minor(Charts.KUBE_VERSION)).isEqualTo(v.get("KUBERNETES_MIN"));
        assertThat(Charts.YAML
                        .readTree(Files.readString(Charts.PLATFORM.resolve("values.yaml")))
                        .path("backend")
                        .path("database")
                        .path("imageName")
                        .asString())
                .isEqualTo(v.get("POSTGRESQL_IMAGE"));
    }

    static Map<String, String> versions(Path file) {
        Map<String, String> versions = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.matches("[A-Z_]+=.*")) {
                    versions.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }

    private static JsonNode yaml(String name) {
        try {
            return Charts.YAML.readTree(
                    Files.readString(Charts.DEPLOY.resolve("compatibility").resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> minors(String from, String to) {
        List<String> minors = new ArrayList<>();
        for (int m = minorNumber(from); m <= minorNumber(to); m++) {
            minors.add("1." + m);
        }
        return minors;
    }

    /** "v1.30.2" and "1.30" give "1.30". */
    private static String minor(String version) {
        String[] parts = version.replaceFirst("^v", "").split("\\.");
        return parts[0] + "." + parts[1];
    }

    private static int minorNumber(String version) {
        return Integer.parseInt(minor(version).split("\\.")[1]);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }
}
