package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.launcher.topology.FileStore;
import ch.ontrack.launcher.topology.LocalTopology;
import ch.ontrack.launcher.topology.Route;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The local environment (launcher), the rendered manifests and the backends' application.yml route and
 * configure the same way: the same variable names and the same default values, and no secret with a default.
 */
class ParityTest {

    /** Read by web-support's OtlpEndpoint from the environment itself, not through application.yml. */
    private static final String TRACING_EXPORT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    /**
     * Secrets whose empty default switches their feature off: no SMTP authentication; no static S3 credentials (the
     * AWS SDK's default chain, e.g. a pod identity).
     */
    private static final Set<String> OPTIONAL_SECRETS =
            Set.of("SMTP_PASSWORD", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY");

    @ParameterizedTest
    @EnumSource(Environment.class)
    void routesEqualTheLocalEnvironments(Environment env) {
        Set<Route> rendered = new HashSet<>();
        for (Manifest route : appRoutes(env)) {
            String site = site(env, route.namespace());
            for (JsonNode rule : route.spec().path("rules")) {
                String component = rule.path("backendRefs").get(0).path("name").asString();
                for (JsonNode path : rule.path("matches").findValues("path")) {
                    if (path.path("type").asString().equals("PathPrefix")) {
                        rendered.add(new Route(site, path.path("value").asString(), component));
                    }
                }
            }
        }

        assertThat(rendered).containsExactlyInAnyOrderElementsOf(LocalTopology.routes());
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void narrowerRulesOnlyRefineAPrefixRouteOfTheSameComponent(Environment env) {
        for (Manifest route : appRoutes(env)) {
            for (JsonNode rule : route.spec().path("rules")) {
                String component = rule.path("backendRefs").get(0).path("name").asString();
                for (JsonNode path : rule.path("matches").findValues("path")) {
                    if (!path.path("type").asString().equals("PathPrefix")) {
                        String value = path.path("value").asString().replaceFirst("^\\^", "");
                        assertThat(LocalTopology.routes())
                                .as(route + " " + value)
                                .anyMatch(r -> r.component().equals(component)
                                        && !r.pathPrefix().equals("/")
                                        && value.startsWith(r.pathPrefix() + "/"));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void environmentVariableNamesEqualTheLocalEnvironments(Environment env) {
        List<Manifest> manifests = Charts.environment(env);
        Map<String, Set<String>> rendered = new TreeMap<>();
        for (Manifest deployment : manifests.stream()
                .filter(m -> m.is("Deployment") && m.name().endsWith("-backend"))
                .toList()) {
            Set<String> names = new TreeSet<>();
            for (JsonNode container : deployment.containers()) {
                container.path("env").forEach(e -> names.add(e.path("name").asString()));
                for (JsonNode ref : container.path("envFrom")) {
                    String configMap = ref.path("configMapRef").path("name").asString();
                    manifests.stream()
                            .filter(m -> m.is("ConfigMap")
                                    && m.namespace().equals(deployment.namespace())
                                    && m.name().equals(configMap))
                            .findFirst()
                            .orElseThrow()
                            .body()
                            .path("data")
                            .propertyNames()
                            .forEach(names::add);
                }
            }
            rendered.put(deployment.name(), names);
        }

        // compared with ./platform up --file-store <the environment's store>
        String store = Charts.YAML
                .readTree(env.valuesFile().toFile())
                .path("backend")
                .path("fileStore")
                .path("type")
                .asString("postgres");
        assertThat(rendered).isEqualTo(new TreeMap<>(LocalTopology.environmentVariableNames(FileStore.parse(store))));
    }

    /** Each default is written in application.yml, the chart's values and the launcher: one value in all three. */
    @Test
    void settingsHaveOneDefaultInServiceChartAndLauncher() throws IOException {
        JsonNode chartSettings = Charts.YAML
                .readTree(Charts.PLATFORM.resolve("values.yaml").toFile())
                .path("settings");
        for (String backend : LocalTopology.BACKENDS) {
            String site = backend.replace("-backend", "");
            Map<String, String> chart = new TreeMap<>();
            chartSettings
                    .path(site)
                    .properties()
                    .forEach(e -> chart.put(e.getKey(), e.getValue().asString()));
            Map<String, Optional<String>> service = ServiceConfig.of(backend).defaults();

            assertThat(chart)
                    .as(backend + ": the chart's settings." + site + " and the launcher's")
                    .isEqualTo(new TreeMap<>(LocalTopology.settings(backend)));
            chart.forEach((name, value) -> assertThat(service.get(name))
                    .as(backend + " application.yml: " + name)
                    .isEqualTo(Optional.of(value)));
        }
    }

    /** What the launcher or the chart does not set must have a default, or the service would not start. */
    @Test
    void everyVariableWithoutDefaultIsSetByLauncherAndChart() {
        for (String backend : LocalTopology.BACKENDS) {
            // either store: a variable only one of them needs (S3_BUCKET) is set by the launcher when it runs that one
            Set<String> set = new TreeSet<>(
                    LocalTopology.environmentVariableNames(FileStore.POSTGRES).get(backend));
            set.addAll(LocalTopology.environmentVariableNames(FileStore.S3).get(backend));
            ServiceConfig.of(backend).defaults().forEach((name, value) -> {
                if (value.isEmpty()) {
                    assertThat(set)
                            .as(backend + ": " + name + " has no default")
                            .contains(name);
                }
            });
            assertThat(ServiceConfig.of(backend).defaults().keySet())
                    .as(backend + " application.yml")
                    .containsAll(set.stream()
                            .filter(name -> !name.equals(TRACING_EXPORT))
                            .toList());
        }
    }

    /** ADR 0345: a secret never has a default; SMTP_PASSWORD's empty one means "no SMTP authentication". */
    @Test
    void noSecretHasADefault() throws IOException {
        for (String backend : LocalTopology.BACKENDS) {
            ServiceConfig.of(backend).defaults().forEach((name, value) -> {
                if (ServiceConfig.SECRET_LIKE.matcher(name).find() && value.isPresent()) {
                    assertThat(value.get())
                            .as(backend + " application.yml: the secret " + name + " has a default")
                            .satisfiesAnyOf(
                                    v -> assertThat(ServiceConfig.onlyAReference(v))
                                            .isTrue(),
                                    v -> assertThat(OPTIONAL_SECRETS.contains(name) && v.isEmpty())
                                            .isTrue());
                }
            });
            LocalTopology.settings(backend)
                    .keySet()
                    .forEach(name -> assertThat(
                                    ServiceConfig.SECRET_LIKE.matcher(name).find())
                            .as("launcher setting " + name)
                            .isFalse());
        }
        Charts.YAML
                .readTree(Charts.PLATFORM.resolve("values.yaml").toFile())
                .path("settings")
                .forEach(site -> site.propertyNames()
                        .forEach(name -> assertThat(
                                        ServiceConfig.SECRET_LIKE.matcher(name).find())
                                .as("chart setting " + name)
                                .isFalse()));
    }

    @Test
    void theSecretPatternKnowsSecretsFromSettings() {
        assertThat(List.of(
                        "DB_PASSWORD",
                        "INTERNAL_API_SECRET",
                        "ACCESS_CODE_ENCRYPTION_KEY",
                        "FILE_ENCRYPTION_KEYS",
                        "SESSION_TOKEN"))
                .allMatch(n -> ServiceConfig.SECRET_LIKE.matcher(n).find());
        assertThat(List.of("DB_USERNAME", "SESSION_IDLE_TIMEOUT", "UNLOCK_MAX_ATTEMPTS", "KEYCLOAK_URL"))
                .noneMatch(n -> ServiceConfig.SECRET_LIKE.matcher(n).find());
    }

    @Test
    void placeholdersAreReadWithTheirDefaults() {
        var config = ServiceConfig.parse("x", """
        a: ${A}
        b: ${B:}
        c: ${C:5s}
        d: ${D:${E}}
        f: jdbc:postgresql://${G:localhost}:${H:5432}/x
        """);

        assertThat(config.defaults())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "A",
                        Optional.empty(),
                        "B",
                        Optional.of(""),
                        "C",
                        Optional.of("5s"),
                        "D",
                        Optional.of("${E}"),
                        "E",
                        Optional.empty(),
                        "G",
                        Optional.of("localhost"),
                        "H",
                        Optional.of("5432")));
        assertThat(ServiceConfig.onlyAReference("${E}")).isTrue();
        assertThat(ServiceConfig.onlyAReference("${E:secret}")).isFalse();
    }

    private static List<Manifest> appRoutes(Environment env) {
        return Charts.environment(env).stream()
                .filter(m -> m.is("HTTPRoute")
                        && (m.namespace().equals(env.namespace("provider"))
                                || m.namespace().equals(env.namespace("client"))))
                .toList();
    }

    private static String site(Environment env, String namespace) {
        return namespace.equals(env.namespace("provider")) ? "provider" : "client";
    }
}
