package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.ontrack.deploy.NetworkModel.Endpoint;
import ch.ontrack.deploy.NetworkModel.Flow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** tracing.*: the backends' OTLP endpoint and sampling, and a NetworkPolicy egress to the collector only. */
class TracingValuesTest {

    private static final Environment ENV = Environment.PRODUCTION;
    private static final Map<String, String> IN_CLUSTER = Map.of(
            "tracing.otlpEndpoint", "http://otel-collector.observability.svc:4318",
            "tracing.collector.namespace", "observability",
            "tracing.collector.podLabels.app", "otel-collector");

    @Test
    void offByDefaultTheBackendsGetAnEmptyEndpointAndNoEgress() {
        for (String site : List.of("provider", "client")) {
            List<Manifest> manifests = Charts.site(ENV, site);
            JsonNode data = config(manifests, site);
            assertThat(data.path("OTEL_EXPORTER_OTLP_ENDPOINT").asString()).isEmpty();
            assertThat(data.path("TRACING_SAMPLING_PROBABILITY").asString()).isEqualTo("1.0");
            assertThat(policy(manifests, site + "-backend")
                            .spec()
                            .path("egress")
                            .findValuesAsString("port"))
                    .doesNotContain("4318");
        }
    }

    @Test
    void bothBackendsAndNothingElseReachTheCollectorInTheClusterOnTheEndpointsPort() {
        Map<String, String> sets = new HashMap<>(IN_CLUSTER);
        sets.put("tracing.samplingProbability", "0.25");
        List<Manifest> manifests = new ArrayList<>();
        for (String site : List.of("provider", "client")) {
            List<Manifest> rendered = render(site, sets);
            assertThat(config(rendered, site)
                            .path("OTEL_EXPORTER_OTLP_ENDPOINT")
                            .asString())
                    .isEqualTo("http://otel-collector.observability.svc:4318");
            assertThat(config(rendered, site)
                            .path("TRACING_SAMPLING_PROBABILITY")
                            .asString())
                    .isEqualTo("0.25");
            manifests.addAll(rendered);
        }
        assertThat(manifests)
                .filteredOn(m -> m.is("NetworkPolicy") || m.is("ConfigMap"))
                .allSatisfy(
                        m -> assertThat(Schemas.violations(m)).as(m.toString()).isEmpty());
        List<Endpoint> endpoints = new ArrayList<>(List.of(
                Endpoint.pod(
                        "otel-collector", "observability", Map.of("app", "otel-collector"), "4318/TCP", "4317/TCP"),
                Endpoint.pod("grafana", "observability", Map.of("app", "grafana"), "4318/TCP"),
                Endpoint.external("outside-collector", "203.0.113.9", "4318/TCP")));
        for (Manifest deployment :
                manifests.stream().filter(m -> m.is("Deployment")).toList()) {
            Map<String, String> labels = new LinkedHashMap<>();
            deployment
                    .podLabels()
                    .properties()
                    .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
            endpoints.add(Endpoint.pod(deployment.name(), deployment.namespace(), labels));
        }
        Map<String, Map<String, String>> namespaces = Map.of(
                "observability", Map.of(), ENV.namespace("provider"), Map.of(), ENV.namespace("client"), Map.of());

        Set<Flow> flows = new NetworkModel(manifests, namespaces).flows(endpoints);
        Set<String> collectors = Set.of("otel-collector", "grafana", "outside-collector");
        assertThat(flows)
                .filteredOn(f -> collectors.contains(f.to()) && !collectors.contains(f.from()))
                .containsExactlyInAnyOrder(
                        new Flow("provider-backend", "otel-collector", "4318/TCP"),
                        new Flow("client-backend", "otel-collector", "4318/TCP"));
    }

    @Test
    void aCollectorOutsideTheClusterIsReachedByAddressOnTheSchemesPort() {
        List<Manifest> manifests = render(
                "provider",
                Map.of(
                        "tracing.otlpEndpoint",
                        "https://otlp.example.net/otlp",
                        "tracing.collector.egressCidrs[0]",
                        "203.0.113.0/24"));

        JsonNode rule = null;
        for (JsonNode egress : policy(manifests, "provider-backend").spec().path("egress")) {
            if (egress.path("to").findValuesAsString("cidr").contains("203.0.113.0/24")) {
                rule = egress;
            }
        }
        assertThat(rule).as("an egress rule to the collector's addresses").isNotNull();
        assertThat(Schemas.violations(policy(manifests, "provider-backend"))).isEmpty();
        assertThat(rule.path("to").findValuesAsString("cidr")).containsExactly("203.0.113.0/24");
        assertThat(rule.path("ports").findValuesAsString("port")).containsExactly("443");
    }

    @Test
    void anEndpointWithoutTheCollectorsWhereaboutsFails() {
        assertThatThrownBy(() -> render("provider", Map.of("tracing.otlpEndpoint", "http://otel-collector:4318")))
                .hasMessageContaining("tracing.collector.namespace or tracing.collector.egressCidrs is required");
    }

    @Test
    void anEndpointThatIsNotAnHttpBaseUrlOrAProbabilityAboveOneFails() {
        assertThatThrownBy(() -> render(
                        "provider",
                        Map.of(
                                "tracing.otlpEndpoint",
                                "otel-collector:4318",
                                "tracing.collector.namespace",
                                "observability")))
                .hasMessageContaining("/tracing/otlpEndpoint");
        assertThatThrownBy(() -> render(
                        "provider",
                        Map.of(
                                "tracing.otlpEndpoint",
                                "http://collector:4318?x=1",
                                "tracing.collector.namespace",
                                "observability")))
                .hasMessageContaining("/tracing/otlpEndpoint");
        assertThatThrownBy(() -> render("provider", Map.of("tracing.samplingProbability", "1.5")))
                .hasMessageContaining("/tracing/samplingProbability");
    }

    private static List<Manifest> render(String site, Map<String, String> sets) {
        Map<String, String> all = new HashMap<>(Charts.OFFLINE);
        all.putAll(sets);
        return Charts.render(Charts.PLATFORM, "oc-" + site, ENV.namespace(site), ENV.valuesFile(), all);
    }

    private static JsonNode config(List<Manifest> manifests, String site) {
        return manifests.stream()
                .filter(m -> m.is("ConfigMap") && m.name().equals(site + "-backend-config"))
                .findFirst()
                .orElseThrow()
                .body()
                .path("data");
    }

    private static Manifest policy(List<Manifest> manifests, String name) {
        return manifests.stream()
                .filter(m -> m.is("NetworkPolicy") && m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
