package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.deploy.NetworkModel.Endpoint;
import ch.ontrack.deploy.NetworkModel.Flow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** From the rendered NetworkPolicies: exactly the intended flows into and out of the app namespaces. */
class NetworkReachabilityTest {

    private static final String DNS = "53/UDP";
    private static final String DNS_TCP = "53/TCP";

    @ParameterizedTest
    @EnumSource(Environment.class)
    void onlyTheIntendedFlowsReachOrLeaveTheAppNamespaces(Environment env) {
        Set<Flow> expected = new TreeSet<>();
        for (String site : List.of("provider", "client")) {
            String backend = site + "-backend";
            flow(expected, "gateway-proxy", site + "-frontend", "8080/TCP");
            flow(expected, "gateway-proxy", backend, site.equals("provider") ? "8081/TCP" : "8082/TCP");
            flow(expected, "prometheus", backend, site.equals("provider") ? "9081/TCP" : "9082/TCP");
            for (String pod : List.of(site + "-frontend", backend, site + "-db-1", site + "-db-2")) {
                flow(expected, pod, "kube-dns", DNS, DNS_TCP);
            }
            for (String db : List.of(site + "-db-1", site + "-db-2")) {
                flow(expected, backend, db, "5432/TCP");
                flow(expected, "cnpg-operator", db, "5432/TCP", "8000/TCP");
                flow(expected, "prometheus", db, "9187/TCP");
                flow(expected, db, "kubernetes-api", "443/TCP", "6443/TCP");
                // The API server's address is not known in advance: port 443 anywhere (narrow network.apiServerCidrs).
                flow(expected, db, "internet-host", "443/TCP");
            }
            flow(expected, site + "-db-1", site + "-db-2", "5432/TCP", "8000/TCP");
            flow(expected, site + "-db-2", site + "-db-1", "5432/TCP", "8000/TCP");
        }
        flow(expected, "provider-backend", "client-backend", "8182/TCP");
        if (env != Environment.LOCAL) {
            flow(expected, "provider-backend", "smtp-server", "587/TCP");
            // The files in S3, whose addresses are not known in advance: port 443 anywhere (narrow
            // backend.fileStore.s3.egressCidrs, e.g. to a VPC endpoint's addresses).
            for (String backend : List.of("provider-backend", "client-backend")) {
                flow(expected, backend, "internet-host", "443/TCP");
                flow(expected, backend, "kubernetes-api", "443/TCP");
            }
        }

        assertThat(appFlows(env)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theClientSiteCannotReachTheProviderDatabase(Environment env) {
        assertThat(appFlows(env))
                .noneMatch(f -> f.to().startsWith("provider-db") && f.from().startsWith("client-"));
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theGatewayReachesNeitherTheInternalApiNorManagementPorts(Environment env) {
        assertThat(appFlows(env))
                .filteredOn(f -> f.from().equals("gateway-proxy"))
                .extracting(Flow::port)
                .containsOnly("8080/TCP", "8081/TCP", "8082/TCP");
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void onlyTheProviderBackendCallsTheInternalApi(Environment env) {
        assertThat(appFlows(env))
                .filteredOn(f -> f.to().equals("client-backend") && f.port().equals("8182/TCP"))
                .extracting(Flow::from)
                .containsExactly("provider-backend");
    }

    private static void flow(Set<Flow> flows, String from, String to, String... ports) {
        for (String port : ports) {
            flows.add(new Flow(from, to, port));
        }
    }

    /** Allowed flows whose source or destination is in one of the environment's app namespaces. */
    private static Set<Flow> appFlows(Environment env) {
        List<Manifest> manifests = Charts.environment(env);
        Map<String, Map<String, String>> namespaces = new LinkedHashMap<>();
        manifests.stream()
                .filter(m -> m.is("Namespace"))
                .forEach(ns -> namespaces.put(
                        ns.name(), labels(ns.body().path("metadata").path("labels"))));
        List.of("default", "kube-system", "cnpg-system", "monitoring")
                .forEach(ns -> namespaces.putIfAbsent(ns, Map.of()));

        List<Endpoint> endpoints = new ArrayList<>(List.of(
                Endpoint.pod(
                        "gateway-proxy",
                        "oc-gateway",
                        Map.of("app.kubernetes.io/name", "envoy", "app.kubernetes.io/component", "proxy"),
                        "10443/TCP"),
                Endpoint.pod(
                        "acme-solver", "oc-gateway", Map.of("acme.cert-manager.io/http01-solver", "true"), "8089/TCP"),
                Endpoint.pod(
                        "cnpg-operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"), "9443/TCP"),
                Endpoint.pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), "9090/TCP"),
                Endpoint.pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), DNS, DNS_TCP),
                Endpoint.pod("stranger", "default", Map.of("app", "stranger"), "8080/TCP"),
                Endpoint.external("smtp-server", "198.51.100.25", "587/TCP", "2525/TCP"),
                Endpoint.external("kubernetes-api", "10.0.0.1", "443/TCP", "6443/TCP"),
                Endpoint.external("internet-host", "203.0.113.7", "80/TCP", "443/TCP")));
        for (Manifest deployment :
                manifests.stream().filter(m -> m.is("Deployment")).toList()) {
            String[] ports = deployment.podSpec().findValues("containerPort").stream()
                    .map(p -> p.asInt() + "/TCP")
                    .toArray(String[]::new);
            endpoints.add(
                    Endpoint.pod(deployment.name(), deployment.namespace(), labels(deployment.podLabels()), ports));
        }
        for (Manifest cluster : manifests.stream().filter(m -> m.is("Cluster")).toList()) {
            for (String instance : List.of("-1", "-2")) {
                endpoints.add(Endpoint.pod(
                        cluster.name() + instance,
                        cluster.namespace(),
                        Map.of("cnpg.io/cluster", cluster.name(), "cnpg.io/podRole", "instance"),
                        "5432/TCP",
                        "8000/TCP",
                        "9187/TCP"));
            }
        }
        Set<String> appNamespaces = Set.of(env.namespace("provider"), env.namespace("client"));
        Set<String> inApp = endpoints.stream()
                .filter(e -> e.namespace() != null && appNamespaces.contains(e.namespace()))
                .map(Endpoint::name)
                .collect(Collectors.toSet());
        return new NetworkModel(manifests, namespaces)
                .flows(endpoints).stream()
                        .filter(f -> inApp.contains(f.from()) || inApp.contains(f.to()))
                        .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        return labels;
    }
}
