package ch.ontrack.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checked-in OpenAPI documents in docs/api, the contract the web apps' types are generated from: a test
 * compares what the running service describes with them, and rewrites them with {@code -Dopenapi.write=true}.
 */
public final class ApiDocuments {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ApiDocuments() {}

    /** docs/api/{name} of the repository, seen from a module two levels down (apps/*). */
    public static Path file(String name) {
        return Path.of("")
                .toAbsolutePath()
                .resolve("../../docs/api")
                .resolve(name)
                .normalize();
    }

    /** Fails when {@code served} differs from the checked-in document; writes it instead when asked to. */
    public static void check(String name, String served) {
        Path file = file(name);
        String expected = canonical(served);
        try {
            if (Boolean.getBoolean("openapi.write")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, expected, StandardCharsets.UTF_8);
                return;
            }
            String checkedIn = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            assertThat(checkedIn)
                    .as(
                            "docs/api/%s is out of date: run the backend's ApiDocumentTest with -Dopenapi.write=true "
                                    + "(docs/architecture.md, \"API contract\")",
                            name)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys sorted and indented, ending in a newline: the same description always gives the same text. */
    static String canonical(String json) {
        return JSON.writeValueAsString(sorted(JSON.readTree(json))) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode copy = JSON.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }
}
