package ch.ontrack.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.ontrack.deploy.ChartPods;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The translation of the chart's rendered pod specs into podman arguments, without podman. */
class PodTranslationTest {

    static final Map<String, Map<String, String>> SECRETS = Map.of(
            ChartPods.databaseSecret("provider"),
            Map.of("host", "10.89.1.1", "port", "5432", "dbname", "provider", "username", "provider", "password", "pw"),
            ChartPods.databaseSecret("client"),
            Map.of("host", "10.89.1.1", "port", "5432", "dbname", "client", "username", "client", "password", "pw"),
            ChartPods.APP_SECRET,
            Map.of(
                    "INTERNAL_API_SECRET",
                    "internal",
                    "ACCESS_CODE_ENCRYPTION_KEY",
                    "key",
                    "FILE_ENCRYPTION_KEYS",
                    "k1:key",
                    "SMTP_USERNAME",
                    "",
                    "SMTP_PASSWORD",
                    ""));

    @TempDir
    Path volumes;

    @Test
    void backendGetsTheChartsSecurityContextAsPodmanArguments() {
        ContainerPlan plan = Plans.plan("provider-backend", SECRETS, volumes);

        assertThat(plan.runArgs())
                .contains(
                        "--user=10001:10001",
                        "--group-add=10001",
                        "--read-only",
                        "--read-only-tmpfs=false",
                        "--security-opt=no-new-privileges",
                        "--cap-drop=ALL",
                        "--pull=missing",
                        "--stop-timeout=45",
                        "--publish=127.0.0.1::8081",
                        "--publish=127.0.0.1::9081");
        assertThat(plan.runArgs()).noneMatch(a -> a.contains("seccomp") || a.startsWith("--privileged"));
        assertThat(plan.emptyDirs()).containsOnlyKeys("/tmp");
        assertThat(plan.emptyDirs().get("/tmp"))
                .startsWith(volumes.resolve("provider-backend-").toString())
                .endsWith("/tmp");
        assertThat(plan.runArgs()).containsSequence("--volume", plan.emptyDirs().get("/tmp") + ":/tmp:rw");
        assertThat(plan.image()).isEqualTo("oc-provider-backend:0.1.0");
        assertThat(plan.preStopSleepSeconds()).isEqualTo(5);
        assertThat(plan.terminationGracePeriodSeconds()).isEqualTo(45);
    }

    @Test
    void resourceLimitsOfTheLocalEnvironmentBecomeCgroupLimits() {
        assertThat(Plans.plan("client-backend", SECRETS, volumes).runArgs())
                .contains("--memory=" + 768L * 1024 * 1024, "--cpus=1");
        assertThat(Plans.plan("client-frontend", SECRETS, volumes).runArgs())
                .contains("--memory=" + 64L * 1024 * 1024, "--cpus=0.2");
    }

    @Test
    void environmentComesFromTheRenderedConfigMapAndTheSecretsByNameOnly() {
        ContainerPlan plan = Plans.plan("provider-backend", SECRETS, volumes);

        assertThat(plan.env())
                .containsEntry("SERVER_PORT", "8081")
                .containsEntry("MANAGEMENT_PORT", "9081")
                .containsEntry("CLIENT_INTERNAL_URL", "http://client-backend.oc-client.svc:8182")
                .containsEntry("DB_HOST", "10.89.1.1")
                .containsEntry("DB_PASSWORD", "pw")
                .containsEntry("INTERNAL_API_SECRET", "internal")
                .containsEntry("SMTP_HOST", "mail.localhost");
        assertThat(plan.runArgs()).containsSequence("--env", "DB_PASSWORD");
        assertThat(String.join(" ", plan.runArgs())).doesNotContain("=pw", "internal");
    }

    @Test
    void probesUseTheNamedPortsAndTheChartsTimings() {
        ContainerPlan backend = Plans.plan("client-backend", SECRETS, volumes);
        ContainerPlan frontend = Plans.plan("client-frontend", SECRETS, volumes);

        assertThat(backend.startup()).isEqualTo(new Probe("startupProbe", "/actuator/health/liveness", 9082, 5, 1, 36));
        assertThat(backend.readiness())
                .isEqualTo(new Probe("readinessProbe", "/actuator/health/readiness", 9082, 5, 3, 3));
        assertThat(frontend.liveness()).isEqualTo(new Probe("livenessProbe", "/healthz", 8080, 10, 3, 3));
    }

    @Test
    void aPodFieldThatIsNotTranslatedStopsTheTranslation() {
        ObjectNode deployment = deployment("provider-backend");
        ((ObjectNode) deployment.path("spec").path("template").path("spec")).put("hostNetwork", true);

        assertThatThrownBy(() -> translate(deployment))
                .hasMessage("Deployment provider-backend: pod field hostNetwork is not translated");
    }

    @Test
    void aSecurityFieldThatIsNotTranslatedStopsTheTranslation() {
        ObjectNode deployment = deployment("client-frontend");
        container(deployment).withObject("securityContext").put("procMount", "Unmasked");

        assertThatThrownBy(() -> translate(deployment))
                .hasMessageContaining("container frontend: securityContext field" + " procMount is not translated");
    }

    @Test
    void anUnconfinedSeccompProfileIsPassedOn() {
        ObjectNode deployment = deployment("client-frontend");
        container(deployment)
                .withObject("securityContext")
                .withObject("seccompProfile")
                .put("type", "Unconfined");

        assertThat(translate(deployment).runArgs()).contains("--security-opt=seccomp=unconfined");
    }

    @Test
    void anExecProbeOrAMissingSecretKeyIsRefused() {
        ObjectNode exec = deployment("client-frontend");
        container(exec)
                .putObject("startupProbe")
                .putObject("exec")
                .putArray("command")
                .add("sh");
        assertThatThrownBy(() -> translate(exec))
                .hasMessageContaining("startupProbe is missing or not an httpGet probe");

        assertThatThrownBy(() -> Plans.plan(
                        "client-backend",
                        Map.of(ChartPods.databaseSecret("client"), Map.of(), ChartPods.APP_SECRET, Map.of()),
                        volumes))
                .hasMessageContaining("Secret client-database has no key host");
    }

    @Test
    void quantitiesAreConvertedLikeKubernetes() {
        assertThat(Quantities.bytes("768Mi")).isEqualTo(805_306_368L);
        assertThat(Quantities.bytes("1Gi")).isEqualTo(1L << 30);
        assertThat(Quantities.bytes("500M")).isEqualTo(500_000_000L);
        assertThat(Quantities.cpus("500m")).isEqualTo("0.5");
        assertThat(Quantities.cpus("2")).isEqualTo("2");
    }

    private ContainerPlan translate(ObjectNode deployment) {
        return new PodTranslation(Map.of(), v -> volumes.resolve(v).toString()).translate(deployment);
    }

    private static ObjectNode deployment(String app) {
        return ChartPods.render(app.substring(0, app.indexOf('-'))).stream()
                .filter(o -> o.path("kind").asString().equals("Deployment"))
                .filter(o -> o.path("metadata").path("name").asString().equals(app))
                .findFirst()
                .orElseThrow();
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }
}
