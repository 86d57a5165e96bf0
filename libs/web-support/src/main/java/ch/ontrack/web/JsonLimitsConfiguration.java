package ch.ontrack.web;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper every backend parses requests with: Spring Boot's, with Jackson's stream read
 * constraints from {@link RequestSettings.Json} and {@link StorableText} for every string. Jackson
 * fixes the constraints in the factory, so the builder itself is replaced (Boot backs off).
 */
@Configuration(proxyBeanMethods = false)
class JsonLimitsConfiguration {

    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(
            RequestSettings limits, ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        RequestSettings.Json json = limits.json();
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxStringLength(json.maxStringLength())
                .maxNameLength(Math.min(json.maxStringLength(), 1000))
                .maxNestingDepth(json.maxNestingDepth())
                .maxDocumentLength(json.maxDocumentLength().toBytes())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(
                JsonFactory.builder().streamReadConstraints(constraints).build());
        List<JsonMapperBuilderCustomizer> ordered = customizers.orderedStream().toList();
        ordered.forEach(customizer -> customizer.customize(builder));
        return builder.addModule(StorableText.module());
    }
}
