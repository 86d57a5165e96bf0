package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes attach to the Gateway, every host has a certificate, internal ports stay unrouted, secrets exist, and each
 * route rule has the one gateway policy it needs.
 */
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

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyRouteRuleClosesUnusedConnectionsBeforeTheServiceBehindItDoes(Environment env) {
        List<Manifest> all = Charts.environment(env);
        for (Manifest route : routes(env)) {
            Duration keepAlive = route.name().endsWith("-backend") ? tomcatKeepAlive(route.name()) : nginxKeepAlive();
            for (JsonNode rule : route.spec().path("rules")) {
                // Envoy Gateway applies only the most specific policy to a rule: exactly one must carry everything
                Manifest policy = policyOf(all, route, rule.path("name").asString());
                Duration idle = Duration.parse("PT"
                        + policy.spec()
                                .path("timeout")
                                .path("http")
                                .path("connectionIdleTimeout")
                                .asString()
                                .toUpperCase(Locale.ROOT));
                assertThat(idle).as(policy.toString()).isPositive().isLessThan(keepAlive);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theLoginAndUnlockRulesKeepTheirRateAndSizeLimits(Environment env) {
        List<Manifest> all = Charts.environment(env);
        for (Manifest route : routes(env)) {
            for (JsonNode rule : route.spec().path("rules")) {
                String name = rule.path("name").asString();
                JsonNode spec = policyOf(all, route, name).spec();
                boolean limited = name.equals("login") || name.equals("unlock");
                assertThat(spec.path("rateLimit").isMissingNode())
                        .as(route + " " + name)
                        .isNotEqualTo(limited);
                assertThat(spec.path("requestBuffer").path("limit").asString())
                        .as(route + " " + name)
                        .isEqualTo(limited ? "64Ki" : name.equals("api") ? "1Mi" : "");
            }
        }
    }

    private static Manifest policyOf(List<Manifest> all, Manifest route, String rule) {
        List<Manifest> policies = all.stream()
                .filter(m -> m.is("BackendTrafficPolicy") && m.namespace().equals(route.namespace()))
                .filter(m -> m.spec()
                        .path("targetRefs")
                        .valueStream()
                        .anyMatch(t -> t.path("kind").asString().equals("HTTPRoute")
                                && t.path("name").asString().equals(route.name())
                                && t.path("sectionName").asString().equals(rule)))
                .toList();
        assertThat(policies).as(route + " rule " + rule).hasSize(1);
        return policies.get(0);
    }

    /** server.tomcat.keep-alive-timeout of the backend behind a route such as provider-backend. */
    private static Duration tomcatKeepAlive(String backend) {
        Path config = Charts.DEPLOY.getParent().resolve("apps/" + backend + "/src/main/resources/application.yml");
        String value = Charts.YAML
                .readTree(config.toFile())
                .path("server")
                .path("tomcat")
                .path("keep-alive-timeout")
                .asString();
        assertThat(value).as(config.toString()).matches("[0-9]+s");
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
    }

    /** keepalive_timeout of the frontends' nginx server. */
    private static Duration nginxKeepAlive() {
        Path config = Charts.DEPLOY.getParent().resolve("apps/frontend-nginx/default.conf");
        Matcher m = Pattern.compile("(?m)^\\s*keepalive_timeout\\s+([0-9]+)s;").matcher(readString(config));
        assertThat(m.find()).as(config + " sets keepalive_timeout in seconds").isTrue();
        return Duration.ofSeconds(Long.parseLong(m.group(1)));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
