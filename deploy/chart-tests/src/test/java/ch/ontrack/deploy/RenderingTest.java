package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every chart renders for every environment and passes helm lint --strict. */
class RenderingTest {

    @ParameterizedTest
    @EnumSource(Environment.class)
    void appChartPassesStrictLintWithEachEnvironment(Environment env) {
        for (String site : List.of("provider", "client")) {
            LintResult result = Charts.lint(Charts.PLATFORM, env.valuesFile(), Map.of("site", site));

            assertThat(result.isFailed())
                    .as(site + "\n" + String.join("\n", result.getMessages()))
                    .isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void gatewayChartPassesStrictLintWithEachCluster(Environment env) {
        LintResult result = Charts.lint(Charts.GATEWAY, env.gatewayValues(), Map.of());

        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void eachSiteRendersItsWorkloadsIntoItsOwnNamespace(Environment env) {
        for (String site : List.of("provider", "client")) {
            List<Manifest> manifests = Charts.site(env, site);

            assertThat(manifests)
                    .filteredOn(m -> m.is("Deployment"))
                    .extracting(Manifest::name)
                    .containsExactlyInAnyOrder(site + "-frontend", site + "-backend");
            assertThat(manifests)
                    .allSatisfy(m -> assertThat(m.namespace()).as(m.toString()).isEqualTo(env.namespace(site)));
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void gatewayServesEveryHostOfTheEnvironment(Environment env) {
        List<Manifest> gateway = Charts.gateway(env);

        assertThat(gateway)
                .filteredOn(m -> m.is("Gateway"))
                .singleElement()
                .satisfies(g -> assertThat(g.spec().path("listeners").findValuesAsString("hostname"))
                        .contains(env.host("provider"), env.host("client")));
    }
}
