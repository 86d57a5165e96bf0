package ch.ontrack.deploy.images;

import ch.ontrack.deploy.ChartPods;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The container plans of a site: its rendered Deployments translated, with the Secrets an operator would create. */
final class Plans {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every pod gets its own emptyDir volumes, as a new pod does in Kubernetes. */
    private static final java.util.concurrent.atomic.AtomicInteger PODS =
            new java.util.concurrent.atomic.AtomicInteger();

    private Plans() {}

    /**
     * @param secrets the Secrets the chart refers to but does not create (external database, existing app secret)
     * @param volumes where the emptyDir volumes of the containers are made
     */
    static ContainerPlan plan(String app, Map<String, Map<String, String>> secrets, Path volumes) {
        String site = app.substring(0, app.indexOf('-'));
        Map<String, JsonNode> objects = new HashMap<>();
        JsonNode deployment = null;
        for (ObjectNode o : ChartPods.render(site)) {
            String kind = o.path("kind").asString();
            String name = o.path("metadata").path("name").asString();
            objects.put(kind + "/" + name, o);
            if (kind.equals("Deployment") && name.equals(app)) {
                deployment = o;
            }
        }
        secrets.forEach((name, data) -> objects.put("Secret/" + name, secret(data)));
        if (deployment == null) {
            throw new IllegalStateException("the chart renders no Deployment " + app);
        }
        int fsGroup = deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("securityContext")
                .path("fsGroup")
                .asInt(0);
        Path pod = volumes.resolve(app + "-" + PODS.incrementAndGet());
        return new PodTranslation(objects, volume -> emptyDir(pod.resolve(volume), fsGroup)).translate(deployment);
    }

    static ObjectNode secret(Map<String, String> data) {
        ObjectNode secret = JSON.createObjectNode();
        ObjectNode encoded = secret.putObject("data");
        data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return secret;
    }

    /** An emptyDir as the kubelet makes it: an empty directory anyone may write, owned by the pod's fsGroup. */
    private static String emptyDir(Path dir, int fsGroup) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.setAttribute(dir, "unix:gid", fsGroup);
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
