package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The CRDs' CEL rules (x-kubernetes-validations) hold on every rendered custom resource, as the API server checks. */
class CelValidationTest {

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyRenderedCustomResourcePassesItsCrdRules(Environment env) {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (Manifest manifest : Charts.environment(env)) {
            List<String> found = CelRules.violations(manifest);
            if (!found.isEmpty()) {
                violations.put(manifest.toString(), found);
            }
        }

        assertThat(violations).isEmpty();
    }

    @Test
    void anHttpRouteRuleThatRedirectsAndRewritesIsRejected() {
        Manifest route = first("HTTPRoute");
        ArrayNode filters = ((ObjectNode) route.spec().path("rules").get(0)).putArray("filters");
        filters.addObject()
                .put("type", "RequestRedirect")
                .putObject("requestRedirect")
                .put("statusCode", 301);
        filters.addObject().put("type", "URLRewrite").putObject("urlRewrite").put("hostname", "example.com");

        assertThat(CelRules.violations(route))
                .anySatisfy(v -> assertThat(v)
                        .contains("spec.rules[0].filters")
                        .contains("RequestRedirect")
                        .contains("URLRewrite"));
    }

    @Test
    void anHttpRouteMatchOnAPathEndingInDotDotIsRejected() {
        Manifest route = first("HTTPRoute");
        ((ObjectNode) route.spec().path("rules").get(0).path("matches").get(0).path("path"))
                .put("type", "PathPrefix")
                .put("value", "/api/..");

        assertThat(CelRules.violations(route)).anySatisfy(v -> assertThat(v).contains("/.."));
    }

    @Test
    void aClientTrafficPolicyWithBothRequestIdSettingsIsRejected() {
        Manifest policy = first("ClientTrafficPolicy");
        ((ObjectNode) policy.spec().path("headers"))
                .put("preserveXRequestID", true)
                .put("requestID", "Generate");

        assertThat(CelRules.violations(policy))
                .singleElement()
                .asString()
                .contains("preserveXRequestID and requestID cannot both be set");
    }

    @Test
    void aClientTrafficPolicyWithoutATargetIsRejected() {
        Manifest policy = first("ClientTrafficPolicy");
        ((ObjectNode) policy.spec()).remove("targetRefs");

        assertThat(CelRules.violations(policy)).isNotEmpty();
    }

    @Test
    void aRuleWithAFunctionTheEvaluatorLacksStopsTheTest() {
        ObjectNode schema = Charts.YAML.createObjectNode();
        schema.putArray("x-kubernetes-validations").addObject().put("rule", "isCIDR(self.cidr)");

        assertThatThrownBy(() ->
                        CelRules.check(schema, Charts.YAML.createObjectNode().put("cidr", "10.0.0.0/8")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("isCIDR");
    }

    @Test
    void propertyNamesAreEscapedAsKubernetesEscapesThem() {
        assertThat(CelRules.escape("namespace")).isEqualTo("__namespace__");
        assertThat(CelRules.escape("x-prop")).isEqualTo("x__dash__prop");
        assertThat(CelRules.escape("redact__d")).isEqualTo("redact__underscores__d");
        assertThat(CelRules.escape("a.b/c")).isEqualTo("a__dot__b__slash__c");
    }

    @Test
    void isIpAcceptsWhatGoAcceptsWithoutAZone() {
        assertThat(List.of("10.0.0.1", "::1", "2001:db8::8a2e:370:7334", "::ffff:192.0.2.1", "1:2:3:4:5:6:7:8"))
                .allMatch(KubernetesIp::isIp);
        assertThat(List.of("010.0.0.1", "256.1.1.1", "example.com", "fe80::1%eth0", "1::2::3", "1:2:3:4:5:6:7:8:9", ""))
                .noneMatch(KubernetesIp::isIp);
    }

    private static Manifest first(String kind) {
        return Charts.environment(Environment.PRODUCTION).stream()
                .filter(m -> m.is(kind))
                .findFirst()
                .orElseThrow();
    }
}
