package ch.ontrack.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads the operations out of an OpenAPI 3 document, with every {@code $ref} of a body schema resolved. */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiOperations() {}

    public static List<Operation> of(Operation.Api api, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode operation = entry.getValue();
                List<String> pathParams = new ArrayList<>();
                List<String> queryParams = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    String in = parameter.path("in").asString();
                    if (in.equals("path")) {
                        pathParams.add(parameter.get("name").asString());
                    } else if (in.equals("query")) {
                        queryParams.add(parameter.get("name").asString());
                    }
                }
                String bodyType = null;
                JsonNode schema = null;
                for (Map.Entry<String, JsonNode> content :
                        operation.path("requestBody").path("content").properties()) {
                    bodyType = content.getKey();
                    schema = resolve(document, content.getValue().path("schema"), 0);
                }
                operations.add(new Operation(
                        api,
                        entry.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        List.copyOf(pathParams),
                        List.copyOf(queryParams),
                        bodyType,
                        schema));
            }
        }
        return operations;
    }

    /** The schema with its references replaced by what they name, to a bounded depth. */
    static JsonNode resolve(JsonNode document, JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 8) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            JsonNode target = document.at(ref.substring(1));
            return resolve(document, target, depth + 1);
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        if (schema.has("properties")) {
            ObjectNode properties = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> p : schema.get("properties").properties()) {
                properties.set(p.getKey(), resolve(document, p.getValue(), depth + 1));
            }
            copy.set("properties", properties);
        }
        if (schema.has("items")) {
            copy.set("items", resolve(document, schema.get("items"), depth + 1));
        }
        return copy;
    }
}
