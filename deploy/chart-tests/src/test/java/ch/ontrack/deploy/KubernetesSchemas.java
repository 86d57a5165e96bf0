package ch.ontrack.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.JSON;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Set;

/**
 * Validates built-in Kubernetes objects with the official Java client's models, generated from the
 * Kubernetes 1.33 OpenAPI: an unknown field, a missing required field or a wrong type is a violation.
 */
final class KubernetesSchemas {

    /** API groups served by Kubernetes itself; everything else is a custom resource. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of(
            "",
            "apps",
            "batch",
            "policy",
            "autoscaling",
            "networking.k8s.io",
            "rbac.authorization.k8s.io",
            "storage.k8s.io",
            "scheduling.k8s.io",
            "coordination.k8s.io",
            "discovery.k8s.io",
            "node.k8s.io",
            "certificates.k8s.io",
            "admissionregistration.k8s.io",
            "apiextensions.k8s.io");

    static {
        new JSON(); // registers the client's type adapters (Quantity, IntOrString, dates)
    }

    private KubernetesSchemas() {}

    static boolean isBuiltIn(String apiVersion) {
        return BUILT_IN_GROUPS.contains(group(apiVersion));
    }

    static String group(String apiVersion) {
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    /** Violations of one object against the model of its apiVersion and kind. */
    static List<String> violations(String apiVersion, String kind, String json) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String model = "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0))
                + version.substring(1) + kind;
        try {
            return violations(Class.forName(model), JsonParser.parseString(json));
        } catch (ClassNotFoundException e) {
            return List.of(apiVersion + " " + kind + " is not an API of Kubernetes 1.33");
        }
    }

    static List<String> violations(Class<?> model, JsonElement json) {
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
            JSON.getGson().fromJson(json, model);
            return List.of();
        } catch (InvocationTargetException e) {
            return List.of(e.getCause().getMessage());
        } catch (RuntimeException e) {
            return List.of(String.valueOf(e.getMessage()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no validateJsonElement", e);
        }
    }
}
