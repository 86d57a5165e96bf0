package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.ontrack.deploy.NetworkModel.Endpoint;
import ch.ontrack.deploy.NetworkModel.Flow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** backend.fileStore: the backends' FILE_STORE and S3_* settings, the encryption keys and the egress to the store. */
class FileStoreValuesTest {

    private static final Map<String, String> IN_CLUSTER = Map.of(
            "backend.fileStore.type", "s3",
            "backend.fileStore.s3.endpoint", "http://minio.storage.svc:9000",
            "backend.fileStore.s3.region", "us-east-1",
            "backend.fileStore.s3.pathStyle", "true",
            "backend.fileStore.s3.existingSecret", "minio-credentials",
            "backend.fileStore.s3.port", "9000",
            "backend.fileStore.s3.namespace", "storage",
            "backend.fileStore.s3.podLabels.app", "minio");

    @Test
    void theLocalEnvironmentKeepsFilesInPostgresAndOpensNoEgressForThem() {
        for (String site : List.of("provider", "client")) {
            List<Manifest> manifests = Charts.site(Environment.LOCAL, site);
            JsonNode data = config(manifests, site);
            assertThat(data.path("FILE_STORE").asString()).isEqualTo("postgres");
            assertThat(data.propertyNames()).noneMatch(name -> name.startsWith("S3_"));
            assertThat(env(backend(manifests, site))).doesNotContainKeys("S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY");
            assertThat(policy(manifests, site + "-backend")
                            .spec()
                            .path("egress")
                            .findValuesAsString("port"))
                    .isSubsetOf("5432", "8182", "2525");
        }
    }

    @Test
    void bothSitesGetAGeneratedKeyOfThirtyTwoBytesFromTheirOwnSecret() {
        for (String site : List.of("provider", "client")) {
            List<Manifest> manifests = Charts.site(Environment.PRODUCTION, site);
            JsonNode ref = env(backend(manifests, site))
                    .get("FILE_ENCRYPTION_KEYS")
                    .path("valueFrom")
                    .path("secretKeyRef");
            assertThat(ref.path("name").asString()).isEqualTo(site + "-backend-secrets");
            Manifest secret =
                    manifests.stream().filter(m -> m.is("Secret")).findFirst().orElseThrow();
            assertThat(secret.name()).isEqualTo(site + "-backend-secrets");
            assertThat(secret.body()
                            .path("metadata")
                            .path("annotations")
                            .path("helm.sh/resource-policy")
                            .asString())
                    .isEqualTo("keep");

            String keys = decode(
                    secret.body().path("data").path(ref.path("key").asString()).asString());
            assertThat(keys).matches("k1:[A-Za-z0-9+/]+={0,2}");
            assertThat(Base64.getDecoder().decode(keys.substring(3))).hasSize(32);
        }
    }

    @Test
    void anExistingSecretProvidesTheKeysInsteadOfAGeneratedOne() {
        List<Manifest> manifests =
                render(Environment.PRODUCTION, "client", Map.of("backend.existingSecret", "client-from-vault"));

        assertThat(manifests).noneMatch(m -> m.is("Secret"));
        assertThat(env(backend(manifests, "client"))
                        .get("FILE_ENCRYPTION_KEYS")
                        .path("valueFrom")
                        .path("secretKeyRef")
                        .path("name")
                        .asString())
                .isEqualTo("client-from-vault");
    }

    @Test
    void stagingAndProductionUseOneSwissBucketPerSiteWithCredentialsFromTheirSecret() {
        for (Environment env : List.of(Environment.STAGING, Environment.PRODUCTION)) {
            for (String site : List.of("provider", "client")) {
                List<Manifest> manifests = Charts.site(env, site);
                JsonNode data = config(manifests, site);
                assertThat(data.path("FILE_STORE").asString()).isEqualTo("s3");
                assertThat(data.path("S3_ENDPOINT").asString()).isEqualTo("https://s3.eu-central-2.amazonaws.com");
                assertThat(data.path("S3_REGION").asString()).isEqualTo("eu-central-2");
                assertThat(data.path("S3_BUCKET").asString()).isEqualTo("oc-" + env.id() + "-" + site + "-files");
                assertThat(data.path("S3_PATH_STYLE").asString()).isEqualTo("false");
                Map<String, JsonNode> vars = env(backend(manifests, site));
                for (String variable : List.of("S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY")) {
                    JsonNode ref = vars.get(variable).path("valueFrom").path("secretKeyRef");
                    assertThat(ref.path("name").asString()).isEqualTo("oc-file-store-credentials");
                    assertThat(ref.path("key").asString()).isEqualTo(variable);
                }
                assertThat(policy(manifests, site + "-backend").spec().path("egress"))
                        .anySatisfy(rule -> {
                            assertThat(rule.path("to").findValuesAsString("cidr"))
                                    .containsExactly("0.0.0.0/0");
                            assertThat(rule.path("ports").findValuesAsString("port"))
                                    .containsExactly("443");
                        });
            }
        }
    }

    @Test
    void anObjectStoreInTheClusterIsReachedByBothBackendsOnlyOnItsPort() {
        List<Manifest> manifests = new ArrayList<>();
        for (String site : List.of("provider", "client")) {
            List<Manifest> rendered = render(Environment.LOCAL, site, IN_CLUSTER);
            assertThat(config(rendered, site).path("S3_PATH_STYLE").asString()).isEqualTo("true");
            assertThat(config(rendered, site).path("S3_BUCKET").asString()).isEqualTo("oc-local-" + site + "-files");
            manifests.addAll(rendered);
        }
        assertThat(manifests)
                .filteredOn(m -> m.is("NetworkPolicy") || m.is("ConfigMap") || m.is("Deployment"))
                .allSatisfy(
                        m -> assertThat(Schemas.violations(m)).as(m.toString()).isEmpty());
        List<Endpoint> endpoints = new ArrayList<>(List.of(
                Endpoint.pod("minio", "storage", Map.of("app", "minio"), "9000/TCP", "9001/TCP"),
                Endpoint.pod("minio-console", "storage", Map.of("app", "console"), "9000/TCP")));
        for (Manifest deployment :
                manifests.stream().filter(m -> m.is("Deployment")).toList()) {
            Map<String, String> labels = new LinkedHashMap<>();
            deployment
                    .podLabels()
                    .properties()
                    .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
            endpoints.add(Endpoint.pod(deployment.name(), deployment.namespace(), labels));
        }
        Map<String, Map<String, String>> namespaces =
                Map.of("storage", Map.of(), "oc-provider", Map.of(), "oc-client", Map.of());

        Set<Flow> flows = new NetworkModel(manifests, namespaces).flows(endpoints);
        assertThat(flows)
                .filteredOn(f -> f.to().equals("minio") && !f.from().startsWith("minio"))
                .containsExactlyInAnyOrder(
                        new Flow("provider-backend", "minio", "9000/TCP"),
                        new Flow("client-backend", "minio", "9000/TCP"));
    }

    @Test
    void anUnknownStoreOrAMalformedSettingFails() {
        assertThatThrownBy(() -> render(Environment.LOCAL, "provider", Map.of("backend.fileStore.type", "gcs")))
                .hasMessageContaining("/backend/fileStore/type");
        assertThatThrownBy(() -> render(
                        Environment.PRODUCTION,
                        "provider",
                        Map.of("backend.fileStore.s3.endpoint", "s3.eu-central-2.amazonaws.com")))
                .hasMessageContaining("/backend/fileStore/s3/endpoint");
        assertThatThrownBy(() ->
                        render(Environment.PRODUCTION, "provider", Map.of("backend.fileStore.s3.pathStyle", "yes")))
                .hasMessageContaining("/backend/fileStore/s3/pathStyle");
        assertThatThrownBy(
                        () -> render(Environment.PRODUCTION, "provider", Map.of("backend.fileStore.s3.buckets", "x")))
                .hasMessageContaining("buckets");
    }

    @Test
    void anObjectStoreWithoutEndpointRegionCredentialsOrEgressFails() {
        Map<String, String> s3 = Map.of("backend.fileStore.type", "s3");
        assertThatThrownBy(() -> render(Environment.LOCAL, "provider", s3))
                .hasMessageContaining("backend.fileStore.s3.endpoint is required when backend.fileStore.type is s3");
        for (String missing : List.of("region", "existingSecret")) {
            Map<String, String> sets = new HashMap<>(IN_CLUSTER);
            sets.put("backend.fileStore.s3." + missing, "");
            assertThatThrownBy(() -> render(Environment.LOCAL, "provider", sets))
                    .hasMessageContaining("backend.fileStore.s3." + missing + " is required");
        }
        Map<String, String> nowhere = new HashMap<>(IN_CLUSTER);
        nowhere.put("backend.fileStore.s3.namespace", "");
        assertThatThrownBy(() -> render(Environment.LOCAL, "provider", nowhere))
                .hasMessageContaining("backend.fileStore.s3.namespace or backend.fileStore.s3.egressCidrs is required");
    }

    @Test
    void aPortThatIsNotTheEndpointsOrABucketNameS3RefusesFails() {
        assertThatThrownBy(
                        () -> render(Environment.PRODUCTION, "provider", Map.of("backend.fileStore.s3.port", "9000")))
                .hasMessageContaining(
                        "backend.fileStore.s3.port (9000) must be the port of backend.fileStore.s3.endpoint (443)");
        assertThatThrownBy(() ->
                        render(Environment.PRODUCTION, "provider", Map.of("backend.fileStore.s3.bucket", "Files")))
                .hasMessageContaining("/backend/fileStore/s3/bucket");
        assertThatThrownBy(() ->
                        render(Environment.PRODUCTION, "provider", Map.of("backend.fileStore.s3.bucket", "-{site}")))
                .hasMessageContaining("backend.fileStore.s3.bucket gives \"-provider\" for the provider site");
    }

    private static List<Manifest> render(Environment env, String site, Map<String, String> sets) {
        Map<String, String> all = new HashMap<>(Charts.OFFLINE);
        all.putAll(sets);
        return Charts.render(Charts.PLATFORM, "oc-" + site, env.namespace(site), env.valuesFile(), all);
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static JsonNode config(List<Manifest> manifests, String site) {
        return manifests.stream()
                .filter(m -> m.is("ConfigMap") && m.name().equals(site + "-backend-config"))
                .findFirst()
                .orElseThrow()
                .body()
                .path("data");
    }

    private static Manifest backend(List<Manifest> manifests, String site) {
        return manifests.stream()
                .filter(m -> m.is("Deployment") && m.name().equals(site + "-backend"))
                .findFirst()
                .orElseThrow();
    }

    /** The backend container's env entries by name. */
    private static Map<String, JsonNode> env(Manifest deployment) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        deployment
                .containers()
                .get(0)
                .path("env")
                .forEach(e -> env.put(e.path("name").asString(), e));
        return env;
    }

    private static Manifest policy(List<Manifest> manifests, String name) {
        return manifests.stream()
                .filter(m -> m.is("NetworkPolicy") && m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
