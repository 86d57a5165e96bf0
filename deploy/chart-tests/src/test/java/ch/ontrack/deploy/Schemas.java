package ch.ontrack.deploy;

import java.util.List;

/** The schema of any rendered object: Kubernetes' own for built-in APIs, the add-ons' CRDs otherwise. */
final class Schemas {

  private Schemas() {}

  static List<String> violations(Manifest manifest) {
    if (manifest.apiVersion().isEmpty() || manifest.kind().isEmpty()) {
      return List.of("apiVersion and kind are required");
    }
    if (KubernetesSchemas.isBuiltIn(manifest.apiVersion())) {
      return KubernetesSchemas.violations(manifest.apiVersion(), manifest.kind(), manifest.body().toString());
    }
    return CrdSchemas.violations(manifest.apiVersion(), manifest.kind(), manifest.body());
  }
}
