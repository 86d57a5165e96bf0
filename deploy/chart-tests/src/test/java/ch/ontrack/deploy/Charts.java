package ch.ontrack.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Renders the charts with the real Helm engine (helm-java runs Helm in-process). */
final class Charts {

    /** The oldest Kubernetes the charts support; objects are validated against its API. */
    static final String KUBE_VERSION = "1.34.0";

    static final YAMLMapper YAML = YAMLMapper.builder().build();

    static final Path DEPLOY = locateDeploy();
    static final Path PLATFORM = DEPLOY.resolve("charts/oc-platform");
    static final Path GATEWAY = DEPLOY.resolve("charts/oc-gateway");
    static final Path ENVIRONMENTS = DEPLOY.resolve("environments");

    private Charts() {}

    /** Every manifest one site of an environment renders, installed into that site's namespace. */
    static List<Manifest> site(Environment env, String site) {
        return render(PLATFORM, "oc-" + site, env.namespace(site), env.valuesFile(), OFFLINE);
    }

    /** No cluster here: helm-java's template would try to reach one for lookup. */
    static final Map<String, String> OFFLINE = Map.of("backend.lookupExistingSecrets", "false");

    /** Both sites and the gateway of an environment (rendered once, a fresh copy each call). */
    static List<Manifest> environment(Environment env) {
        return copies(RENDERED.computeIfAbsent(env, e -> {
            List<Manifest> all = new ArrayList<>(site(e, "provider"));
            all.addAll(site(e, "client"));
            all.addAll(gateway(e));
            return all;
        }));
    }

    static List<Manifest> gateway(Environment env) {
        return copies(GATEWAYS.computeIfAbsent(
                env, e -> render(GATEWAY, "oc-gateway", "default", e.gatewayValues(), Map.of())));
    }

    private static final Map<Environment, List<Manifest>> RENDERED = new ConcurrentHashMap<>();
    private static final Map<Environment, List<Manifest>> GATEWAYS = new ConcurrentHashMap<>();

    private static List<Manifest> copies(List<Manifest> manifests) {
        return manifests.stream()
                .map(m -> new Manifest(m.source(), m.body().deepCopy()))
                .toList();
    }

    static List<Manifest> render(Path chart, String release, String namespace, Path values, Map<String, String> sets) {
        var command = new Helm(chart)
                .template()
                .withName(release)
                .withNamespace(namespace)
                .withKubeVersion(KUBE_VERSION)
                .withValuesFile(values);
        sets.forEach(command::set);
        return parse(command.call(), chart.getFileName() + " " + release);
    }

    /** helm lint --strict with an environment's values (helm-java lints a chart's own values.yaml only). */
    static LintResult lint(Path chart, Path values, Map<String, String> sets) {
        Path copy = copyWithValues(chart, values, sets);
        return new Helm(copy).lint().strict().call();
    }

    static List<Manifest> parse(String rendered, String source) {
        List<Manifest> manifests = new ArrayList<>();
        for (String document : rendered.split("(?m)^---\\s*$")) {
            JsonNode node = YAML.readTree(document);
            if (node != null && node.isObject() && !node.isEmpty()) {
                manifests.add(new Manifest(source, (ObjectNode) node));
            }
        }
        return manifests;
    }

    /** A copy of the chart whose values.yaml is the chart's defaults overridden by an environment's values. */
    private static Path copyWithValues(Path chart, Path values, Map<String, String> sets) {
        try {
            Path target = Files.createTempDirectory("chart-").resolve(chart.getFileName());
            try (Stream<Path> files = Files.walk(chart)) {
                for (Path source : files.toList()) {
                    Path copy = target.resolve(chart.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(source, copy);
                    }
                }
            }
            ObjectNode merged =
                    (ObjectNode) YAML.readTree(chart.resolve("values.yaml").toFile());
            merge(merged, (ObjectNode) YAML.readTree(values.toFile()));
            sets.forEach(merged::put);
            YAML.writeValue(target.resolve("values.yaml").toFile(), merged);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's merge rule: maps merge key by key, anything else replaces. */
    static void merge(ObjectNode base, ObjectNode override) {
        for (var entry : override.properties()) {
            JsonNode current = base.get(entry.getKey());
            if (current instanceof ObjectNode currentObject && entry.getValue() instanceof ObjectNode overrideObject) {
                merge(currentObject, overrideObject);
            } else {
                base.set(entry.getKey(), entry.getValue());
            }
        }
    }

    private static Path locateDeploy() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/charts"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "deploy/charts not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("deploy");
    }
}
