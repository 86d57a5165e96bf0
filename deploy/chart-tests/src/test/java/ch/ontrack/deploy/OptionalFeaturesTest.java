package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Value paths no environment uses yet render valid objects: external database, backups, existing secrets. */
class OptionalFeaturesTest {

    @Test
    void anExternalDatabaseReplacesTheClusterAndIsTheOnlyDatabaseEgress() {
        List<Manifest> manifests = provider(Map.of(
                "backend.database.mode",
                "external",
                "backend.database.external.secretName",
                "provider-managed-db",
                "backend.database.external.egressCidrs[0]",
                "10.20.0.0/24"));

        assertValid(manifests);
        assertThat(manifests).noneMatch(m -> m.is("Cluster") || m.is("PodMonitor"));
        assertThat(backend(manifests).podSpec().findValues("secretKeyRef"))
                .filteredOn(r -> r.path("key").asString().equals("host"))
                .singleElement()
                .satisfies(r -> assertThat(r.path("name").asString()).isEqualTo("provider-managed-db"));
        JsonNode egress =
                policy(manifests, "provider-backend").spec().path("egress").get(0);
        assertThat(egress.path("to").findValuesAsString("cidr")).containsExactly("10.20.0.0/24");
        assertThat(egress.path("ports").findValuesAsString("port")).containsExactly("5432");
    }

    private static final Map<String, String> BACKUPS = Map.of(
            "backend.database.backup.enabled",
            "true",
            "backend.database.backup.destinationPath",
            "s3://oc-backups/provider",
            "backend.database.backup.endpointURL",
            "http://minio.backup.svc:9000",
            "backend.database.backup.port",
            "9000",
            "backend.database.backup.egressCidrs[0]",
            "10.30.0.0/16",
            "backend.database.backup.credentialsSecret",
            "oc-backup-credentials");

    @Test
    void backupsGoThroughTheBarmanCloudPluginToAnObjectStoreOnItsOwnPort() {
        List<Manifest> manifests = provider(BACKUPS);

        assertValid(manifests);
        Manifest cluster = only(manifests, "Cluster");
        assertThat(cluster.spec().has("backup"))
                .as("in-tree barmanObjectStore, removed in CloudNativePG 1.31")
                .isFalse();
        JsonNode plugin = cluster.spec().path("plugins").get(0);
        assertThat(plugin.path("name").asString()).isEqualTo("barman-cloud.cloudnative-pg.io");
        assertThat(plugin.path("isWALArchiver").asBoolean()).isTrue();
        assertThat(plugin.path("parameters").path("barmanObjectName").asString())
                .isEqualTo("provider-db-backups");
        assertThat(only(manifests, "ObjectStore")
                        .spec()
                        .path("configuration")
                        .path("destinationPath")
                        .asString())
                .isEqualTo("s3://oc-backups/provider");
        Manifest schedule = only(manifests, "ScheduledBackup");
        assertThat(schedule.spec().path("method").asString()).isEqualTo("plugin");
        assertThat(schedule.spec().path("pluginConfiguration").path("name").asString())
                .isEqualTo("barman-cloud.cloudnative-pg.io");
        assertThat(policy(manifests, "provider-db").spec().path("egress")).anySatisfy(rule -> {
            assertThat(rule.path("to").findValuesAsString("cidr")).containsExactly("10.30.0.0/16");
            assertThat(rule.path("ports").findValuesAsString("port")).containsExactly("9000");
        });
    }

    @Test
    void aRestoreBootstrapsTheClusterFromTheNamedBackupAndArchivesIntoANewFolder() {
        Map<String, String> sets = new HashMap<>(BACKUPS);
        sets.putAll(Map.of(
                "backend.database.restore.enabled",
                "true",
                "backend.database.restore.serverName",
                "provider-db",
                "backend.database.backup.serverName",
                "provider-db-2",
                "backend.database.restore.targetTime",
                "2026-05-01T10:00:00Z"));
        List<Manifest> manifests = provider(sets);

        assertValid(manifests);
        JsonNode spec = only(manifests, "Cluster").spec();
        assertThat(spec.path("bootstrap").has("initdb")).isFalse();
        assertThat(spec.path("bootstrap").path("recovery").path("source").asString())
                .isEqualTo("origin");
        assertThat(spec.path("bootstrap")
                        .path("recovery")
                        .path("recoveryTarget")
                        .path("targetTime")
                        .asString())
                .isEqualTo("2026-05-01T10:00:00Z");
        JsonNode origin = spec.path("externalClusters").get(0);
        assertThat(origin.path("name").asString()).isEqualTo("origin");
        assertThat(origin.path("plugin").path("parameters").path("serverName").asString())
                .isEqualTo("provider-db");
        assertThat(origin.path("plugin")
                        .path("parameters")
                        .path("barmanObjectName")
                        .asString())
                .isEqualTo("provider-db-restore-source");
        assertThat(spec.path("plugins")
                        .get(0)
                        .path("parameters")
                        .path("serverName")
                        .asString())
                .isEqualTo("provider-db-2");
        assertThat(manifests)
                .filteredOn(m -> m.is("ObjectStore"))
                .extracting(Manifest::name)
                .containsExactlyInAnyOrder("provider-db-backups", "provider-db-restore-source");
    }

    @Test
    void theObjectStoresMatchTheBarmanCloudPluginCrd() {
        assumeTrue(
                CrdSchemas.serves("barmancloud.cnpg.io/v1", "ObjectStore"),
                "no ObjectStore CRD in CRDS_DIR: deploy/bootstrap/fetch-crds.sh downloads it");
        Map<String, String> sets = new HashMap<>(BACKUPS);
        sets.put("backend.database.restore.enabled", "true");
        sets.put("backend.database.backup.serverName", "provider-db-2");

        assertThat(provider(sets))
                .filteredOn(m -> m.is("ObjectStore"))
                .hasSize(2)
                .allSatisfy(
                        m -> assertThat(Schemas.violations(m)).as(m.toString()).isEmpty());
    }

    @Test
    void pullSecretsReachEveryPod() {
        List<Manifest> manifests = provider(Map.of("image.pullSecrets[0]", "ghcr-pull"));

        assertValid(manifests);
        assertThat(manifests)
                .filteredOn(m -> m.is("Deployment"))
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.podSpec().path("imagePullSecrets").findValuesAsString("name"))
                        .containsExactly("ghcr-pull"));
    }

    @Test
    void anExistingSecretIsReferencedInsteadOfGeneratingOne() {
        List<Manifest> manifests = provider(Map.of("backend.existingSecret", "provider-from-vault"));

        assertValid(manifests);
        assertThat(manifests).noneMatch(m -> m.is("Secret"));
        assertThat(backend(manifests).podSpec().findValues("secretKeyRef"))
                .extracting(r -> r.path("name").asString())
                .contains("provider-from-vault");
    }

    @Test
    void aGenericGatewayImplementationRendersNoEnvoyResources() {
        List<Manifest> manifests = provider(Map.of("gateway.implementation", "generic"));

        assertValid(manifests);
        assertThat(manifests).noneMatch(m -> m.apiVersion().startsWith("gateway.envoyproxy.io/"));
        assertThat(manifests).anyMatch(m -> m.is("HTTPRoute"));
    }

    @Test
    void anImageDigestWinsOverTheTag() {
        String digest = "sha256:" + "a".repeat(64);
        List<Manifest> manifests = provider(Map.of("backend.image.digest", digest));

        assertThat(backend(manifests).containers().get(0).path("image").asString())
                .isEqualTo("ghcr.io/on-track/oc-provider-backend@" + digest);
    }

    private static List<Manifest> provider(Map<String, String> sets) {
        Map<String, String> all = new HashMap<>(Charts.OFFLINE);
        all.putAll(sets);
        return Charts.render(Charts.PLATFORM, "oc-provider", "oc-provider", Environment.PRODUCTION.valuesFile(), all);
    }

    /** Every object is valid; ObjectStores only when their CRD is at hand (see theObjectStoresMatchTheBarmanCloudPluginCrd). */
    private static void assertValid(List<Manifest> manifests) {
        assertThat(manifests)
                .filteredOn(m -> !m.is("ObjectStore") || CrdSchemas.serves(m.apiVersion(), m.kind()))
                .allSatisfy(
                        m -> assertThat(Schemas.violations(m)).as(m.toString()).isEmpty());
    }

    private static Manifest only(List<Manifest> manifests, String kind) {
        return manifests.stream()
                .filter(m -> m.is(kind))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one " + kind);
                })
                .orElseThrow(() -> new AssertionError("no " + kind));
    }

    private static Manifest backend(List<Manifest> manifests) {
        return manifests.stream()
                .filter(m -> m.is("Deployment") && m.name().equals("provider-backend"))
                .findFirst()
                .orElseThrow();
    }

    private static Manifest policy(List<Manifest> manifests, String name) {
        return manifests.stream()
                .filter(m -> m.is("NetworkPolicy") && m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
