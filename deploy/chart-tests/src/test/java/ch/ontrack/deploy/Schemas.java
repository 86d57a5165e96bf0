package ch.ontrack.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema of any rendered object: Kubernetes' own for built-in APIs, the add-ons' CRDs otherwise (their
 * openAPIV3Schema, then their CEL rules).
 */
final class Schemas {

    private Schemas() {}

    static List<String> violations(Manifest manifest) {
        if (manifest.apiVersion().isEmpty() || manifest.kind().isEmpty()) {
            return List.of("apiVersion and kind are required");
        }
        if (KubernetesSchemas.isBuiltIn(manifest.apiVersion())) {
            return KubernetesSchemas.violations(
                    manifest.apiVersion(), manifest.kind(), manifest.body().toString());
        }
        List<String> violations =
                new ArrayList<>(CrdSchemas.violations(manifest.apiVersion(), manifest.kind(), manifest.body()));
        violations.addAll(CelRules.violations(manifest));
        return violations;
    }
}
