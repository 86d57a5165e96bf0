package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Routes attach to the Gateway, every host has a certificate, internal ports stay unrouted, secrets exist. */
class RoutingPolicyTest {

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyRouteAttachesToAListenerForItsHostThatAcceptsItsNamespace(Environment env) {
        List<Manifest> gatewayChart = Charts.gateway(env);
        Manifest gateway = only(gatewayChart, "Gateway");
        for (Manifest route : routes(env)) {
            JsonNode parent = route.spec().path("parentRefs").get(0);
            assertThat(parent.path("name").asString()).isEqualTo(gateway.name());
            assertThat(parent.path("namespace").asString()).isEqualTo(gateway.namespace());
            JsonNode listener = listener(gateway, parent.path("sectionName").asString());
            assertThat(listener)
                    .as(route + " listener " + parent.path("sectionName"))
                    .isNotNull();
            assertThat(route.spec().path("hostnames").findValuesAsString("hostnames"))
                    .as(route.toString())
                    .isEmpty();
            assertThat(route.spec().path("hostnames").valueStream().map(JsonNode::asString))
                    .as(route.toString())
                    .containsExactly(listener.path("hostname").asString());
            assertThat(listener.path("protocol").asString()).isEqualTo("HTTPS");
            ObjectNode namespaceLabels = (ObjectNode) gatewayChart.stream()
                    .filter(m -> m.is("Namespace") && m.name().equals(route.namespace()))
                    .findFirst()
                    .orElseThrow()
                    .body()
                    .path("metadata")
                    .path("labels");
            namespaceLabels.put("kubernetes.io/metadata.name", route.namespace()); // set by the API server
            listener.path("allowedRoutes")
                    .path("namespaces")
                    .path("selector")
                    .path("matchLabels")
                    .properties()
                    .forEach(label -> assertThat(namespaceLabels.path(label.getKey()))
                            .as(route + " namespace label " + label.getKey())
                            .isEqualTo(label.getValue()));
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyHostHasACertificateStoredWhereItsListenerReadsIt(Environment env) {
        List<Manifest> gatewayChart = Charts.gateway(env);
        Manifest gateway = only(gatewayChart, "Gateway");
        for (JsonNode listener : gateway.spec().path("listeners")) {
            if (listener.path("protocol").asString().equals("HTTPS")) {
                String secret = listener.path("tls")
                        .path("certificateRefs")
                        .get(0)
                        .path("name")
                        .asString();
                assertThat(gatewayChart)
                        .as(listener.path("hostname").asString())
                        .anySatisfy(certificate -> {
                            assertThat(certificate.is("Certificate")
                                            && certificate.namespace().equals(gateway.namespace()))
                                    .isTrue();
                            assertThat(certificate.spec().path("secretName").asString())
                                    .isEqualTo(secret);
                            assertThat(certificate
                                            .spec()
                                            .path("dnsNames")
                                            .valueStream()
                                            .map(JsonNode::asString))
                                    .containsExactly(listener.path("hostname").asString());
                            String issuer = certificate
                                    .spec()
                                    .path("issuerRef")
                                    .path("name")
                                    .asString();
                            assertThat(gatewayChart)
                                    .anyMatch(m ->
                                            m.is("ClusterIssuer") && m.name().equals(issuer));
                        });
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void noRouteReachesAnInternalOrManagementPort(Environment env) {
        List<Manifest> all = Charts.environment(env);
        for (Manifest route : routes(env)) {
            for (JsonNode ref : route.spec().path("rules").findValues("backendRefs")) {
                for (JsonNode backend : ref) {
                    Manifest service = all.stream()
                            .filter(m -> m.is("Service")
                                    && m.namespace().equals(route.namespace())
                                    && m.name().equals(backend.path("name").asString()))
                            .findFirst()
                            .orElseThrow();
                    JsonNode port = service.spec()
                            .path("ports")
                            .valueStream()
                            .filter(p -> p.path("port").asInt()
                                    == backend.path("port").asInt())
                            .findFirst()
                            .orElseThrow();
                    assertThat(port.path("name").asString())
                            .as(route.toString())
                            .isIn("http", "api");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everySecretAWorkloadReferencesIsRenderedOrDeclaredAsExternalInput(Environment env) {
        List<Manifest> all = Charts.environment(env);
        Set<String> available = new HashSet<>();
        all.stream().filter(m -> m.is("Secret")).forEach(m -> available.add(m.namespace() + "/" + m.name()));
        all.stream().filter(m -> m.is("Cluster")).forEach(m -> available.add(m.namespace() + "/" + m.name() + "-app"));
        JsonNode values = Charts.YAML.readTree(env.valuesFile().toFile());
        for (String site : List.of("provider", "client")) {
            for (JsonNode input : List.of(
                    values.path("smtp").path("credentialsSecret"),
                    values.path("backend").path("existingSecret"),
                    values.path("backend").path("database").path("external").path("secretName"),
                    values.path("backend").path("fileStore").path("s3").path("existingSecret"))) {
                if (!input.asString("").isEmpty()) {
                    available.add(env.namespace(site) + "/" + input.asString());
                }
            }
        }
        for (Manifest workload : WorkloadPolicyTest.workloads(env)) {
            Set<String> referenced = new HashSet<>();
            workload.podSpec()
                    .findValues("secretKeyRef")
                    .forEach(r -> referenced.add(r.path("name").asString()));
            workload.podSpec()
                    .findValues("secretRef")
                    .forEach(r -> referenced.add(r.path("name").asString()));
            workload.podSpec()
                    .findValues("secret")
                    .forEach(r -> referenced.add(r.path("secretName").asString()));
            referenced.forEach(name -> assertThat(available)
                    .as(workload + " references Secret " + name)
                    .contains(workload.namespace() + "/" + name));
        }
    }

    private static List<Manifest> routes(Environment env) {
        return Charts.environment(env).stream()
                .filter(m -> m.is("HTTPRoute") && !m.namespace().equals("oc-gateway"))
                .toList();
    }

    private static JsonNode listener(Manifest gateway, String name) {
        return gateway.spec()
                .path("listeners")
                .valueStream()
                .filter(l -> l.path("name").asString().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static Manifest only(List<Manifest> manifests, String kind) {
        return manifests.stream().filter(m -> m.is(kind)).findFirst().orElseThrow();
    }
}
