package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** Pod Security "restricted", probes, resources, disruption budgets, images and rollouts of every workload. */
class WorkloadPolicyTest {

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyPodMeetsTheRestrictedProfile(Environment env) {
        for (Manifest workload : workloads(env)) {
            JsonNode pod = workload.podSpec();
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean())
                    .as(workload.toString())
                    .isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt())
                    .as(workload.toString())
                    .isGreaterThan(10000);
            assertThat(pod.path("securityContext")
                            .path("seccompProfile")
                            .path("type")
                            .asString())
                    .isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true))
                    .as(workload.toString())
                    .isFalse();
            assertThat(pod.path("hostNetwork").asBoolean()
                            || pod.path("hostPID").asBoolean()
                            || pod.path("hostIPC").asBoolean())
                    .as(workload.toString())
                    .isFalse();
            assertThat(pod.path("volumes").findValues("hostPath"))
                    .as(workload.toString())
                    .isEmpty();
            for (JsonNode container : workload.containers()) {
                JsonNode security = container.path("securityContext");
                String what = workload + " container " + container.path("name").asString();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true))
                        .as(what)
                        .isFalse();
                assertThat(security.path("privileged").asBoolean(false))
                        .as(what)
                        .isFalse();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean())
                        .as(what)
                        .isTrue();
                assertThat(security.path("capabilities")
                                .path("drop")
                                .valueStream()
                                .map(JsonNode::asString))
                        .as(what)
                        .contains("ALL");
                assertThat(security.path("capabilities").path("add").isEmpty())
                        .as(what)
                        .isTrue();
                assertThat(security.path("runAsUser").asInt(10001)).as(what).isGreaterThan(10000);
                assertThat(container.path("volumeMounts").findValuesAsString("mountPath"))
                        .as(what)
                        .contains("/tmp");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyContainerHasProbesOnItsHealthEndpoints(Environment env) {
        for (Manifest workload : workloads(env)) {
            boolean backend = workload.name().endsWith("-backend");
            for (JsonNode container : workload.containers()) {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    JsonNode get = container.path(probe).path("httpGet");
                    assertThat(get.path("port").asString())
                            .as(workload + " " + probe)
                            .isEqualTo(backend ? "management" : "http");
                    assertThat(get.path("path").asString())
                            .as(workload + " " + probe)
                            .isEqualTo(
                                    !backend
                                            ? "/healthz"
                                            : probe.equals("readinessProbe")
                                                    ? "/actuator/health/readiness"
                                                    : "/actuator/health/liveness");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyContainerHasRequestsAndLimits(Environment env) {
        for (Manifest workload : workloads(env)) {
            for (JsonNode container : workload.containers()) {
                for (String bound : List.of("requests", "limits")) {
                    JsonNode resources = container.path("resources").path(bound);
                    assertThat(resources.has("cpu") && resources.has("memory"))
                            .as(workload + " " + bound)
                            .isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyImageIsPinnedByTagOrDigestNeverLatest(Environment env) {
        // App images by tag (the commit) or digest; the PostgreSQL image by tag and digest.
        for (Manifest workload : workloads(env)) {
            for (JsonNode container : workload.containers()) {
                String image = container.path("image").asString();
                assertThat(image)
                        .as(workload.toString())
                        .matches(".+(:[A-Za-z0-9_][A-Za-z0-9_.-]*|@sha256:[a-f0-9]{64})")
                        .doesNotEndWith(":latest");
            }
        }
        assertThat(Charts.environment(env))
                .filteredOn(m -> m.is("Cluster"))
                .allSatisfy(c -> assertThat(c.spec().path("imageName").asString())
                        .matches("[^:@]+:[0-9][^:@]*@sha256:[a-f0-9]{64}"));
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyWorkloadHasADisruptionBudgetAndRollsWithoutDowntime(Environment env) {
        List<Manifest> all = Charts.environment(env);
        for (Manifest workload : workloads(env)) {
            assertThat(all).as(workload.toString()).anySatisfy(pdb -> {
                assertThat(pdb.is("PodDisruptionBudget") && pdb.namespace().equals(workload.namespace()))
                        .isTrue();
                assertThat(pdb.spec().path("selector").path("matchLabels"))
                        .isEqualTo(workload.spec().path("selector").path("matchLabels"));
            });
            JsonNode rolling = workload.spec().path("strategy").path("rollingUpdate");
            assertThat(rolling.path("maxUnavailable").asInt(-1))
                    .as(workload.toString())
                    .isZero();
            assertThat(workload.podSpec().path("topologySpreadConstraints").size())
                    .as(workload.toString())
                    .isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void onlyProductionAutoscalesAndStagingRunsOneReplica(Environment env) {
        List<Manifest> all = Charts.environment(env);
        for (Manifest workload : workloads(env)) {
            boolean scaled = all.stream()
                    .anyMatch(h -> h.is("HorizontalPodAutoscaler")
                            && h.namespace().equals(workload.namespace())
                            && h.spec()
                                    .path("scaleTargetRef")
                                    .path("name")
                                    .asString()
                                    .equals(workload.name()));
            assertThat(scaled).as(workload.toString()).isEqualTo(env == Environment.PRODUCTION);
            assertThat(workload.spec().has("replicas"))
                    .as(workload.toString())
                    .isEqualTo(env != Environment.PRODUCTION);
            if (env != Environment.PRODUCTION) {
                assertThat(workload.spec().path("replicas").asInt())
                        .as(workload.toString())
                        .isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyNamespaceEnforcesTheRestrictedProfile(Environment env) {
        List<Manifest> namespaces =
                Charts.gateway(env).stream().filter(m -> m.is("Namespace")).toList();

        assertThat(namespaces)
                .extracting(Manifest::name)
                .contains("oc-gateway", env.namespace("provider"), env.namespace("client"));
        assertThat(namespaces)
                .allSatisfy(ns -> assertThat(ns.body()
                                .path("metadata")
                                .path("labels")
                                .path("pod-security.kubernetes.io/enforce")
                                .asString())
                        .as(ns.toString())
                        .isEqualTo("restricted"));
    }

    static List<Manifest> workloads(Environment env) {
        return Charts.environment(env).stream().filter(m -> m.is("Deployment")).toList();
    }
}
