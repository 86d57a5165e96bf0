package ch.ontrack.web.openapi;

import ch.ontrack.web.Languages;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Every property and parameter named {@code language}, or checked against {@link Languages#PATTERN}, is one of
 * {@link Languages#SUPPORTED}: an enum in the documents, so the generated types name the four languages.
 */
final class LanguageSchemas implements GlobalOpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(LanguageSchemas::properties);
        }
        if (openApi.getPaths() != null) {
            openApi.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        if (operation.getParameters() != null) {
                            operation.getParameters().forEach(p -> {
                                if (p.getSchema() != null) {
                                    language(p.getName(), p.getSchema());
                                }
                            });
                        }
                    }));
        }
    }

    @SuppressWarnings("rawtypes")
    private static void properties(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            properties.forEach(LanguageSchemas::language);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void language(String name, Schema schema) {
        boolean string = "string".equals(schema.getType())
                || (schema.getTypes() != null && schema.getTypes().contains("string"));
        if (string && (name.equals("language") || Languages.PATTERN.equals(schema.getPattern()))) {
            schema.setPattern(null);
            schema.setEnum(new ArrayList<>(Languages.SUPPORTED));
        }
    }
}
