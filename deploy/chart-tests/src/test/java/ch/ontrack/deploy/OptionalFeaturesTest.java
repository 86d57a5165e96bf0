package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Value paths no environment uses yet render valid objects: external database, backups, existing secrets. */
class OptionalFeaturesTest {

  @Test
  void anExternalDatabaseReplacesTheClusterAndIsTheOnlyDatabaseEgress() {
    List<Manifest> manifests = provider(Map.of("backend.database.mode", "external",
        "backend.database.external.secretName", "provider-managed-db",
        "backend.database.external.egressCidrs[0]", "10.20.0.0/24"));

    assertValid(manifests);
    assertThat(manifests).noneMatch(m -> m.is("Cluster") || m.is("PodMonitor"));
    assertThat(backend(manifests).podSpec().findValues("secretKeyRef")).filteredOn(r -> r.path("key").asString().equals("host"))
        .singleElement().satisfies(r -> assertThat(r.path("name").asString()).isEqualTo("provider-managed-db"));
    JsonNode egress = policy(manifests, "provider-backend").spec().path("egress").get(0);
    assertThat(egress.path("to").findValuesAsString("cidr")).containsExactly("10.20.0.0/24");
    assertThat(egress.path("ports").findValuesAsString("port")).containsExactly("5432");
  }

  @Test
  void backupsAddAnObjectStoreAndADailySchedule() {
    List<Manifest> manifests = provider(Map.of("backend.database.backup.enabled", "true",
        "backend.database.backup.destinationPath", "s3://oc-backups/provider",
        "backend.database.backup.credentialsSecret", "oc-backup-credentials"));

    assertValid(manifests);
    assertThat(manifests).filteredOn(m -> m.is("Cluster")).singleElement()
        .satisfies(c -> assertThat(c.spec().path("backup").path("barmanObjectStore").path("destinationPath").asString())
            .isEqualTo("s3://oc-backups/provider"));
    assertThat(manifests).filteredOn(m -> m.is("ScheduledBackup")).singleElement()
        .satisfies(b -> assertThat(b.spec().path("cluster").path("name").asString()).isEqualTo("provider-db"));
  }

  @Test
  void anExistingSecretIsReferencedInsteadOfGeneratingOne() {
    List<Manifest> manifests = provider(Map.of("backend.existingSecret", "provider-from-vault"));

    assertValid(manifests);
    assertThat(manifests).noneMatch(m -> m.is("Secret"));
    assertThat(backend(manifests).podSpec().findValues("secretKeyRef")).extracting(r -> r.path("name").asString())
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

  private static void assertValid(List<Manifest> manifests) {
    assertThat(manifests).allSatisfy(m -> assertThat(Schemas.violations(m)).as(m.toString()).isEmpty());
  }

  private static Manifest backend(List<Manifest> manifests) {
    return manifests.stream().filter(m -> m.is("Deployment") && m.name().equals("provider-backend")).findFirst().orElseThrow();
  }

  private static Manifest policy(List<Manifest> manifests, String name) {
    return manifests.stream().filter(m -> m.is("NetworkPolicy") && m.name().equals(name)).findFirst().orElseThrow();
  }
}
