package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

/** Every rendered object validates strictly against the published schema of its API. */
class SchemaValidationTest {

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyRenderedObjectMatchesItsApiSchema(Environment env) {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (Manifest manifest : Charts.environment(env)) {
            List<String> found = Schemas.violations(manifest);
            if (!found.isEmpty()) {
                violations.put(manifest.toString(), found);
            }
        }

        assertThat(violations).isEmpty();
    }

    @Test
    void anUnknownFieldInABuiltInObjectIsRejected() {
        Manifest deployment = first(Environment.PRODUCTION, "Deployment");
        ((ObjectNode) deployment.podSpec()).put("hostNetwrk", true);

        assertThat(Schemas.violations(deployment)).singleElement().asString().contains("hostNetwrk");
    }

    @Test
    void aWrongTypeInABuiltInObjectIsRejected() {
        Manifest service = first(Environment.PRODUCTION, "Service");
        ((ObjectNode) service.spec()).putObject("ports");

        assertThat(Schemas.violations(service)).isNotEmpty();
    }

    @Test
    void anUnknownFieldInACustomResourceIsRejected() {
        Manifest route = first(Environment.PRODUCTION, "HTTPRoute");
        ((ObjectNode) route.spec().path("rules").get(0)).put("timeout", "10s");

        assertThat(Schemas.violations(route)).singleElement().asString().contains("timeout");
    }

    @Test
    void anUnknownMetadataFieldInACustomResourceIsRejected() {
        Manifest cluster = first(Environment.PRODUCTION, "Cluster");
        ((ObjectNode) cluster.body().path("metadata")).put("label", "x");

        assertThat(Schemas.violations(cluster)).singleElement().asString().contains("label");
    }

    @Test
    void aValueOutsideACustomResourceEnumIsRejected() {
        Manifest policy = Charts.environment(Environment.PRODUCTION).stream()
                .filter(m -> m.is("BackendTrafficPolicy") && m.spec().has("rateLimit"))
                .findFirst()
                .orElseThrow();
        ((ObjectNode) policy.spec()
                        .path("rateLimit")
                        .path("local")
                        .path("rules")
                        .get(0)
                        .path("limit"))
                .put("unit", "Fortnight");

        assertThat(Schemas.violations(policy)).isNotEmpty();
    }

    @Test
    void aMissingCrdFolderNamesTheVariableToSet() {
        assertThatThrownBy(() -> CrdSchemas.location("/nonexistent/crds"))
                .hasMessageContaining("CRDS_DIR")
                .hasMessageContaining("/nonexistent/crds");
    }

    private static Manifest first(Environment env, String kind) {
        return Charts.environment(env).stream()
                .filter(m -> m.is(kind))
                .findFirst()
                .orElseThrow();
    }
}
