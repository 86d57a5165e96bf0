package ch.ontrack.web.openapi;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The conventions that make the OpenAPI documents precise enough to generate the web apps' types from
 * (docs/architecture.md "API contract"): required record components, the language enum.
 */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
public class ApiContractAutoConfiguration {

    @Bean
    RecordSchemas recordSchemas() {
        return new RecordSchemas();
    }

    @Bean
    GlobalOpenApiCustomizer languageSchemas() {
        return new LanguageSchemas();
    }
}
