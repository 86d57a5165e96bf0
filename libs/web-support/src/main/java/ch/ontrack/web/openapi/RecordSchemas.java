package ch.ontrack.web.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A record component is required in the schema unless it is annotated {@code @Nullable} (any annotation of that
 * name, JSpecify's included). Jackson writes every component, so a nullable one may be {@code null}, unless
 * {@code @JsonInclude(NON_NULL)} leaves it out instead.
 */
final class RecordSchemas implements ModelConverter {

    /** Schema names are simple class names: two records of one name would silently share a schema. */
    private final Map<String, Class<?>> named = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema schema = chain.next().resolve(type, context, chain);
        Class<?> raw = type.getType() == null
                ? null
                : Json.mapper().constructType(type.getType()).getRawClass();
        if (schema == null || raw == null || !raw.isRecord()) {
            return schema;
        }
        Schema model = schema;
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            model = context.getDefinedModels().get(name);
        }
        if (model != null && model.getName() != null) {
            Class<?> earlier = named.putIfAbsent(model.getName(), raw);
            if (earlier != null && earlier != raw) {
                throw new IllegalStateException("Records " + earlier.getName() + " and " + raw.getName()
                        + " are both described as schema " + model.getName() + ": name one with @Schema(name = ...)");
            }
        }
        if (model != null && model.getProperties() != null) {
            apply(raw, model);
        }
        return schema;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void apply(Class<?> record, Schema model) {
        Map<String, Schema> properties = model.getProperties();
        Set<String> required = new LinkedHashSet<>();
        List<String> declared = model.getRequired() == null ? List.of() : model.getRequired();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = jsonName(component);
            Schema property = properties.get(name);
            if (property == null) {
                continue;
            }
            if (nullable(component)) {
                if (!leftOutWhenNull(record, component)) {
                    mayBeNull(property);
                }
            } else {
                required.add(name);
            }
        }
        declared.stream().filter(properties::containsKey).forEach(required::add);
        model.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void mayBeNull(Schema property) {
        if (property.get$ref() != null) {
            return;
        }
        if (property.getTypes() != null && !property.getTypes().isEmpty()) {
            Set<String> types = new LinkedHashSet<>(property.getTypes());
            types.add("null");
            property.setTypes(types);
        } else {
            property.setNullable(true);
        }
    }

    private static boolean nullable(RecordComponent component) {
        return Stream.of(
                        component.getAnnotations(),
                        component.getAccessor().getAnnotations(),
                        component.getAnnotatedType().getAnnotations())
                .flatMap(Arrays::stream)
                .map(Annotation::annotationType)
                .anyMatch(a -> a.getSimpleName().equals("Nullable"));
    }

    /** {@code @JsonInclude(NON_NULL)} and the like on the component or the record: absent rather than null. */
    private static boolean leftOutWhenNull(Class<?> record, RecordComponent component) {
        // component annotations reach the accessor, not the component, unless their target names record components
        JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
        if (include == null) {
            include = record.getAnnotation(JsonInclude.class);
        }
        return include != null
                && include.value() != JsonInclude.Include.ALWAYS
                && include.value() != JsonInclude.Include.USE_DEFAULTS;
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property == null || property.value().isEmpty() ? component.getName() : property.value();
    }
}
