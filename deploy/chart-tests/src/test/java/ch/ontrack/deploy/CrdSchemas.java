package ch.ontrack.deploy;

import com.google.gson.JsonParser;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates custom resources against the openAPIV3Schema of the add-ons' upstream CRD manifests.
 * CRD schemas never say additionalProperties: false (the API server prunes unknown fields instead),
 * so every object schema that neither declares additionalProperties nor preserves unknown fields is
 * made closed when loaded: an unknown field fails, as it would be silently dropped by the cluster.
 */
final class CrdSchemas {

    static final String LOCATION_VARIABLE = "CRDS_DIR";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private static Map<String, Schema> schemas;
    private static final Map<String, JsonNode> RAW = new HashMap<>();

    private CrdSchemas() {}

    /** CRDS_DIR (system property, then environment), else <repository>/../shared/crds. */
    static Path location() {
        return location(System.getProperty(LOCATION_VARIABLE, System.getenv(LOCATION_VARIABLE)));
    }

    static Path location(String configured) {
        Path dir = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Charts.DEPLOY.getParent().getParent().resolve("shared/crds");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    "No CRD manifests at " + dir.toAbsolutePath().normalize() + ": set "
                            + LOCATION_VARIABLE
                            + " (system property or environment variable) to the folder holding the add-ons' "
                            + "upstream CRD manifests (see docs/kubernetes.md)");
        }
        return dir;
    }

    /** Loaded on first use, so a missing folder fails each test with the message above. */
    private static synchronized Map<String, Schema> schemas() {
        if (schemas == null) {
            schemas = load(location());
        }
        return schemas;
    }

    /** The openAPIV3Schema as published (with its x-kubernetes-validations), or null when no CRD serves the kind. */
    static JsonNode rawSchema(String apiVersion, String kind) {
        schemas();
        return RAW.get(apiVersion + " " + kind);
    }

    static boolean serves(String apiVersion, String kind) {
        return rawSchema(apiVersion, kind) != null;
    }

    static List<String> violations(String apiVersion, String kind, ObjectNode body) {
        Schema schema = schemas().get(apiVersion + " " + kind);
        if (schema == null) {
            return List.of("no CRD in " + location() + " serves " + apiVersion + " " + kind);
        }
        List<String> violations = new ArrayList<>();
        schema.validate(body).forEach(error -> violations.add(error.toString()));
        // metadata is the built-in ObjectMeta, not part of the CRD's schema.
        violations.addAll(KubernetesSchemas.violations(
                V1ObjectMeta.class, JsonParser.parseString(body.path("metadata").toString())));
        return violations;
    }

    private static Map<String, Schema> load(Path dir) {
        Map<String, Schema> schemas = new HashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .toList()) {
                for (Manifest crd : Charts.parse(Files.readString(file), file.toString())) {
                    if (crd.is("CustomResourceDefinition")) {
                        register(crd, schemas);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    private static void register(Manifest crd, Map<String, Schema> schemas) {
        String group = crd.spec().path("group").asString();
        String kind = crd.spec().path("names").path("kind").asString();
        for (JsonNode version : crd.spec().path("versions")) {
            if (version.path("served").asBoolean(false)) {
                ObjectNode schema = (ObjectNode)
                        version.path("schema").path("openAPIV3Schema").deepCopy();
                RAW.put(group + "/" + version.path("name").asString() + " " + kind, schema.deepCopy());
                close(schema);
                ((ObjectNode) schema.path("properties")).putObject("metadata");
                schemas.put(group + "/" + version.path("name").asString() + " " + kind, REGISTRY.getSchema(schema));
            }
        }
    }

    /** Adds additionalProperties: false wherever the API server would prune unknown fields. */
    static void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        boolean object = "object".equals(node.path("type").asString("")) || node.has("properties");
        if (object
                && !node.has("additionalProperties")
                && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            node.put("additionalProperties", false);
        }
        for (JsonNode child : node) {
            if (child.isObject()) {
                close(child);
            } else if (child.isArray()) {
                child.forEach(CrdSchemas::close);
            }
        }
    }
}
