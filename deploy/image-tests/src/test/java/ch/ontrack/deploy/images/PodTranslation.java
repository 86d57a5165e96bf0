package ch.ontrack.deploy.images;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Translates a rendered Deployment's pod spec into a podman run. Every field the chart may set is either applied or
 * named here as meaningful only in a cluster; any other field stops the translation, so a field the chart adds
 * cannot be silently dropped.
 */
final class PodTranslation {

    /** Pod fields for the scheduler or the API server, with no effect on one container on one machine. */
    static final Set<String> CLUSTER_ONLY_POD_FIELDS = Set.of("serviceAccountName", "topologySpreadConstraints");

    static final Set<String> POD_FIELDS = Set.of(
            "containers",
            "volumes",
            "securityContext",
            "terminationGracePeriodSeconds",
            "automountServiceAccountToken",
            "enableServiceLinks");
    static final Set<String> CONTAINER_FIELDS = Set.of(
            "name",
            "image",
            "imagePullPolicy",
            "ports",
            "envFrom",
            "env",
            "startupProbe",
            "livenessProbe",
            "readinessProbe",
            "lifecycle",
            "resources",
            "securityContext",
            "volumeMounts");
    static final Set<String> SECURITY_FIELDS = Set.of(
            "runAsNonRoot",
            "runAsUser",
            "runAsGroup",
            "fsGroup",
            "allowPrivilegeEscalation",
            "readOnlyRootFilesystem",
            "privileged",
            "capabilities",
            "seccompProfile");

    private final Map<String, JsonNode> objects;
    private final Function<String, String> emptyDirHostPath;

    /**
     * @param objects the ConfigMaps and Secrets the pod refers to, by "Kind/name"
     * @param emptyDirHostPath where on this machine an emptyDir volume of the given name lives
     */
    PodTranslation(Map<String, JsonNode> objects, Function<String, String> emptyDirHostPath) {
        this.objects = objects;
        this.emptyDirHostPath = emptyDirHostPath;
    }

    ContainerPlan translate(JsonNode deployment) {
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        String where = "Deployment " + deployment.path("metadata").path("name").asString();
        for (String field : pod.propertyNames()) {
            if (!POD_FIELDS.contains(field) && !CLUSTER_ONLY_POD_FIELDS.contains(field)) {
                throw new IllegalArgumentException(where + ": pod field " + field + " is not translated");
            }
        }
        require(!pod.path("automountServiceAccountToken").asBoolean(true), where, "mounts a service account token");
        require(
                pod.path("containers").size() == 1,
                where,
                "has " + pod.path("containers").size() + " containers");
        JsonNode c = pod.path("containers").get(0);
        String name = c.path("name").asString();
        where = where + " container " + name;
        for (String field : c.propertyNames()) {
            if (!CONTAINER_FIELDS.contains(field)) {
                throw new IllegalArgumentException(where + ": field " + field + " is not translated");
            }
        }
        List<String> args = new ArrayList<>();
        args.add("--pull=" + pullPolicy(c.path("imagePullPolicy").asString("IfNotPresent")));
        Security security = security(pod.path("securityContext"), c.path("securityContext"), where);
        args.addAll(security.args());
        Map<String, Integer> ports = new LinkedHashMap<>();
        c.path("ports")
                .forEach(p -> ports.put(
                        p.path("name").asString(), p.path("containerPort").asInt()));
        // a Service reaches every declared port; here the gateway reaches it on a port published on loopback
        ports.values().forEach(p -> args.add("--publish=127.0.0.1::" + p));
        Map<String, String> env = environment(c, where);
        env.keySet().forEach(n -> args.addAll(List.of("--env", n)));
        Map<String, String> mounts = new LinkedHashMap<>();
        for (JsonNode mount : c.path("volumeMounts")) {
            String volume = mount.path("name").asString();
            JsonNode source = volume(pod, volume, where);
            require(source.has("emptyDir"), where, "volume " + volume + " is not an emptyDir");
            String host = emptyDirHostPath.apply(volume);
            mounts.put(mount.path("mountPath").asString(), host);
            args.addAll(List.of("--volume", host + ":" + mount.path("mountPath").asString() + ":rw"));
        }
        args.addAll(limits(c.path("resources").path("limits")));
        int grace = pod.path("terminationGracePeriodSeconds").asInt(30);
        args.add("--stop-timeout=" + grace);
        JsonNode preStop = c.path("lifecycle").path("preStop");
        require(
                c.path("lifecycle").size() <= 1 && (preStop.isMissingNode() || preStop.has("sleep")),
                where,
                "has a lifecycle hook other than a preStop sleep (an exec hook would need a shell)");
        return new ContainerPlan(
                name,
                c.path("image").asString(),
                List.copyOf(args),
                env,
                ports,
                mounts,
                probe(c, "startupProbe", ports, where),
                probe(c, "livenessProbe", ports, where),
                probe(c, "readinessProbe", ports, where),
                preStop.path("sleep").path("seconds").asInt(0),
                grace,
                security.user(),
                security.group());
    }

    record Security(List<String> args, int user, int group) {}

    private static Security security(JsonNode pod, JsonNode container, String where) {
        for (JsonNode context : List.of(pod, container)) {
            for (String field : context.propertyNames()) {
                require(
                        SECURITY_FIELDS.contains(field),
                        where,
                        "securityContext field " + field + " is not translated");
            }
        }
        Function<String, JsonNode> field = f -> container.has(f) ? container.path(f) : pod.path(f);
        List<String> args = new ArrayList<>();
        int user = field.apply("runAsUser").asInt(-1);
        int group = field.apply("runAsGroup").asInt(-1);
        require(user >= 0 && group >= 0, where, "sets no runAsUser/runAsGroup (the image's user would run)");
        require(!field.apply("runAsNonRoot").asBoolean(false) || user != 0, where, "runs as root with runAsNonRoot");
        args.add("--user=" + user + ":" + group);
        if (pod.has("fsGroup")) {
            args.add("--group-add=" + pod.path("fsGroup").asInt());
        }
        if (container.path("readOnlyRootFilesystem").asBoolean(false)) {
            // podman would otherwise put writable tmpfs on /tmp, /var/tmp and /run: only the pod's volumes are writable
            args.addAll(List.of("--read-only", "--read-only-tmpfs=false"));
        }
        if (!container.path("allowPrivilegeEscalation").asBoolean(true)) {
            args.add("--security-opt=no-new-privileges");
        }
        require(!container.path("privileged").asBoolean(false), where, "is privileged");
        container.path("capabilities").path("drop").forEach(cap -> args.add("--cap-drop=" + cap.asString()));
        container.path("capabilities").path("add").forEach(cap -> args.add("--cap-add=" + cap.asString()));
        String seccomp = field.apply("seccompProfile").path("type").asString("Unconfined");
        switch (seccomp) {
            case "RuntimeDefault" -> {} // podman applies its default profile unless told otherwise
            case "Unconfined" -> args.add("--security-opt=seccomp=unconfined");
            default -> throw new IllegalArgumentException(where + ": seccompProfile " + seccomp + " is not translated");
        }
        return new Security(args, user, group);
    }

    private Map<String, String> environment(JsonNode c, String where) {
        Map<String, String> env = new TreeMap<>();
        for (JsonNode from : c.path("envFrom")) {
            if (from.has("configMapRef")) {
                data("ConfigMap", from.path("configMapRef").path("name").asString(), where)
                        .forEach(env::put);
            } else if (from.has("secretRef")) {
                data("Secret", from.path("secretRef").path("name").asString(), where)
                        .forEach(env::put);
            } else {
                throw new IllegalArgumentException(where + ": envFrom " + from + " is not translated");
            }
        }
        for (JsonNode e : c.path("env")) {
            String name = e.path("name").asString();
            JsonNode ref = e.path("valueFrom");
            if (e.has("value")) {
                env.put(name, e.path("value").asString());
            } else if (ref.has("secretKeyRef")) {
                env.put(name, key("Secret", ref.path("secretKeyRef"), where));
            } else if (ref.has("configMapKeyRef")) {
                env.put(name, key("ConfigMap", ref.path("configMapKeyRef"), where));
            } else {
                throw new IllegalArgumentException(where + ": env " + name + " is not translated");
            }
        }
        return env;
    }

    private String key(String kind, JsonNode ref, String where) {
        Map<String, String> data = data(kind, ref.path("name").asString(), where);
        String key = ref.path("key").asString();
        require(data.containsKey(key), where, kind + " " + ref.path("name").asString() + " has no key " + key);
        return data.get(key);
    }

    /** A ConfigMap's data, or a Secret's data decoded. */
    private Map<String, String> data(String kind, String name, String where) {
        JsonNode object = objects.get(kind + "/" + name);
        require(object != null, where, "refers to " + kind + " " + name + ", which does not exist");
        Map<String, String> data = new LinkedHashMap<>();
        object.path("data")
                .properties()
                .forEach(p -> data.put(
                        p.getKey(),
                        kind.equals("Secret")
                                ? new String(
                                        Base64.getDecoder().decode(p.getValue().asString()), StandardCharsets.UTF_8)
                                : p.getValue().asString()));
        return data;
    }

    private static JsonNode volume(JsonNode pod, String name, String where) {
        for (JsonNode v : pod.path("volumes")) {
            if (v.path("name").asString().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException(where + ": mounts volume " + name + ", which the pod does not declare");
    }

    private static List<String> limits(JsonNode limits) {
        List<String> args = new ArrayList<>();
        if (limits.has("memory")) {
            args.add("--memory=" + Quantities.bytes(limits.path("memory").asString()));
        }
        if (limits.has("cpu")) {
            args.add("--cpus=" + Quantities.cpus(limits.path("cpu").asString()));
        }
        return args;
    }

    private static Probe probe(JsonNode c, String field, Map<String, Integer> ports, String where) {
        JsonNode p = c.path(field);
        require(p.has("httpGet") && p.size() > 0, where, field + " is missing or not an httpGet probe");
        JsonNode port = p.path("httpGet").path("port");
        Integer number = port.isNumber() ? Integer.valueOf(port.asInt()) : ports.get(port.asString());
        require(
                number != null,
                where,
                field + " names port " + port.asString() + ", which the container does not declare");
        return new Probe(
                field,
                p.path("httpGet").path("path").asString("/"),
                number,
                p.path("periodSeconds").asInt(10),
                p.path("timeoutSeconds").asInt(1),
                p.path("failureThreshold").asInt(3));
    }

    private static String pullPolicy(String policy) {
        return switch (policy) {
            case "IfNotPresent" -> "missing";
            case "Never" -> "never";
            case "Always" -> "always";
            default -> throw new IllegalArgumentException("imagePullPolicy " + policy + " is not translated");
        };
    }

    private static void require(boolean condition, String where, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(where + ": " + problem);
        }
    }
}
