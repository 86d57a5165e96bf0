package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A container with a read-only root filesystem still has every path its image writes on a writable volume
 * (deploy/compatibility/writable-paths.yaml). Covers the app Deployments and the proxy pods Envoy Gateway renders from
 * the EnvoyProxy, modelled as Envoy Gateway v1.9.0 renders them (internal/infrastructure/kubernetes/proxy/resource.go):
 * container.securityContext applies to both the envoy and the shutdown-manager container, container.volumeMounts only
 * to envoy, a StrategicMerge patch of the Deployment reaches both.
 */
class WritableTmpTest {

    record Container(
            String what,
            String image,
            JsonNode securityContext,
            List<JsonNode> mounts,
            Map<String, JsonNode> volumes) {}

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyReadOnlyContainerCanWriteWhereItsImageWrites(Environment env) {
        List<Container> containers = new ArrayList<>();
        for (Manifest m : Charts.environment(env)) {
            if (m.is("Deployment")) {
                containers.addAll(ofDeployment(m));
            } else if (m.is("EnvoyProxy")) {
                containers.addAll(ofEnvoyProxy(m));
            }
        }

        assertThat(containers).hasSizeGreaterThanOrEqualTo(6);
        assertThat(problems(containers)).isEmpty();
    }

    @Test
    void aShutdownManagerWithoutItsTmpIsCaught() {
        Manifest proxy = Charts.environment(Environment.PRODUCTION).stream()
                .filter(m -> m.is("EnvoyProxy"))
                .findFirst()
                .orElseThrow();
        ((ObjectNode) proxy.spec().path("provider").path("kubernetes").path("envoyDeployment")).remove("patch");

        assertThat(problems(ofEnvoyProxy(proxy)))
                .singleElement()
                .asString()
                .contains("shutdown-manager")
                .contains("/tmp");
    }

    @Test
    void aReadOnlyContainerOfAnUnlistedImageIsCaught() {
        Manifest deployment =
                WorkloadPolicyTest.workloads(Environment.PRODUCTION).get(0);
        ((ObjectNode) deployment.containers().get(0)).put("image", "ghcr.io/on-track/oc-provider-worker:1");

        assertThat(problems(ofDeployment(deployment)))
                .singleElement()
                .asString()
                .contains("writable-paths.yaml");
    }

    static List<String> problems(List<Container> containers) {
        List<String> problems = new ArrayList<>();
        for (Container c : containers) {
            if (!c.securityContext().path("readOnlyRootFilesystem").asBoolean(false)) {
                continue;
            }
            List<String> writes = writes(c.image());
            if (writes == null) {
                problems.add(c.what() + ": image " + c.image() + " runs read-only but is not in "
                        + "deploy/compatibility/writable-paths.yaml (list the paths it writes)");
                continue;
            }
            for (String path : writes) {
                boolean writable = c.mounts().stream().anyMatch(mount -> {
                    String at = mount.path("mountPath").asString();
                    JsonNode volume = c.volumes().get(mount.path("name").asString());
                    return (path.equals(at) || path.startsWith(at + "/"))
                            && !mount.path("readOnly").asBoolean(false)
                            && volume != null
                            && volume.has("emptyDir");
                });
                if (!writable) {
                    problems.add(c.what() + ": read-only root filesystem and no writable emptyDir at " + path);
                }
            }
        }
        return problems;
    }

    private static List<Container> ofDeployment(Manifest m) {
        Map<String, JsonNode> volumes = volumes(m.podSpec().path("volumes"));
        return m.containers().stream()
                .map(c -> new Container(
                        m + " container " + c.path("name").asString(),
                        c.path("image").asString(),
                        c.path("securityContext"),
                        list(c.path("volumeMounts")),
                        volumes))
                .toList();
    }

    private static List<Container> ofEnvoyProxy(Manifest m) {
        JsonNode deployment = m.spec().path("provider").path("kubernetes").path("envoyDeployment");
        JsonNode container = deployment.path("container");
        JsonNode patched = deployment
                .path("patch")
                .path("value")
                .path("spec")
                .path("template")
                .path("spec");
        Map<String, JsonNode> volumes = volumes(deployment.path("pod").path("volumes"));
        volumes.putAll(volumes(patched.path("volumes")));
        List<Container> containers = new ArrayList<>();
        for (String name : List.of("envoy", "shutdown-manager")) {
            List<JsonNode> mounts =
                    new ArrayList<>(name.equals("envoy") ? list(container.path("volumeMounts")) : List.of());
            for (JsonNode patch : patched.path("containers")) {
                if (patch.path("name").asString().equals(name)) {
                    mounts.addAll(list(patch.path("volumeMounts")));
                }
            }
            containers.add(new Container(
                    m + " container " + name,
                    "envoy-gateway " + name,
                    container.path("securityContext"),
                    mounts,
                    volumes));
        }
        return containers;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static Map<String, JsonNode> volumes(JsonNode array) {
        Map<String, JsonNode> volumes = new HashMap<>();
        array.forEach(v -> volumes.put(v.path("name").asString(), v));
        return volumes;
    }

    /** The paths the image writes, or null when the image is not listed. */
    private static List<String> writes(String image) {
        String name = image.replaceFirst("[:@].*$", "").replaceFirst("^.*/", "");
        for (JsonNode entry : catalog().path("images")) {
            String match = entry.path("match").asString();
            if (name.matches(match.replace("*", "[a-z]+")) || image.equals(match)) {
                return list(entry.path("writes")).stream()
                        .map(JsonNode::asString)
                        .toList();
            }
        }
        return null;
    }

    private static JsonNode catalog() {
        try {
            return Charts.YAML.readTree(Files.readString(Charts.DEPLOY.resolve("compatibility/writable-paths.yaml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Set<String> listedImages() {
        return list(catalog().path("images")).stream()
                .map(e -> e.path("match").asString())
                .collect(Collectors.toSet());
    }
}
