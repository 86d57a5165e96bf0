package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.launcher.topology.LocalTopology;
import ch.ontrack.launcher.topology.Route;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The local environment (launcher) and the rendered manifests route and configure the same way. */
class ParityTest {

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
            assertThat(LocalTopology.routes()).as(route + " " + value).anyMatch(r -> r.component().equals(component)
                && !r.pathPrefix().equals("/") && value.startsWith(r.pathPrefix() + "/"));
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
    for (Manifest deployment : manifests.stream().filter(m -> m.is("Deployment") && m.name().endsWith("-backend")).toList()) {
      Set<String> names = new TreeSet<>();
      for (JsonNode container : deployment.containers()) {
        container.path("env").forEach(e -> names.add(e.path("name").asString()));
        for (JsonNode ref : container.path("envFrom")) {
          String configMap = ref.path("configMapRef").path("name").asString();
          manifests.stream().filter(m -> m.is("ConfigMap") && m.namespace().equals(deployment.namespace())
              && m.name().equals(configMap)).findFirst().orElseThrow()
              .body().path("data").propertyNames().forEach(names::add);
        }
      }
      rendered.put(deployment.name(), names);
    }

    assertThat(rendered).isEqualTo(new TreeMap<>(LocalTopology.environmentVariableNames()));
  }

  private static List<Manifest> appRoutes(Environment env) {
    return Charts.environment(env).stream().filter(m -> m.is("HTTPRoute")
        && (m.namespace().equals(env.namespace("provider")) || m.namespace().equals(env.namespace("client")))).toList();
  }

  private static String site(Environment env, String namespace) {
    return namespace.equals(env.namespace("provider")) ? "provider" : "client";
  }
}
