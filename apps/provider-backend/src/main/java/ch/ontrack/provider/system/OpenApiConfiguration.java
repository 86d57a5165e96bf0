package ch.ontrack.provider.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description at /api/openapi.json, checked in as docs/api/provider-public.json (docs/architecture.md). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** Relative server: the API is served from the origin that serves the document (the web app's). */
    @Bean
    OpenAPI providerApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("OC provider API")
                        .version("1")
                        .description("Sign in, keep documents and clients, send documents as shares and follow them."))
                .addServersItem(new Server().url("/"));
    }
}
