package ch.ontrack.client;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public API description at /api/openapi.json; the internal API is left out on purpose. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI clientApi(@Value("${oc.public-url}") String publicUrl) {
    return new OpenAPI()
        .info(new Info().title("OC client API").version("1")
            .description("Open a shared document with its link and access code."))
        .addServersItem(new Server().url(publicUrl));
  }
}
