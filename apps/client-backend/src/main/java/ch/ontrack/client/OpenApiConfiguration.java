package ch.ontrack.client;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two descriptions (docs/architecture.md "API contract"): the public API at /api/openapi.json and the internal
 * API at /internal/openapi.json on the internal port only; checked in as docs/api/client-*.json.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String PUBLIC = "public";
    /** The group name; InternalApiDocument serves it. */
    public static final String INTERNAL = "internal";

    /** Relative server: the API is served from the origin that serves the document (the web app's). */
    @Bean
    OpenAPI clientApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("OC client API")
                        .version("1")
                        .description("Open a shared document with its link and access code."))
                .addServersItem(new Server().url("/"));
    }

    @Bean
    GroupedOpenApi publicApi() {
        return GroupedOpenApi.builder().group(PUBLIC).pathsToMatch("/api/**").build();
    }

    @Bean
    GroupedOpenApi internalApi() {
        return GroupedOpenApi.builder()
                .group(INTERNAL)
                .pathsToMatch("/internal/**")
                .addOpenApiCustomizer(api -> api.info(new Info()
                        .title("OC client internal API")
                        .version("1")
                        .description("The provider backend delivers, changes and reads its shares; INTERNAL_PORT only, "
                                + "with the INTERNAL_API_SECRET as bearer token.")))
                .build();
    }
}
