package ch.ontrack.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springdoc.webmvc.api.MultipleOpenApiWebMvcResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public API's OpenAPI document (group "public" of OpenApiConfiguration), on the public port. */
@Hidden
@RestController
class PublicApiDocument {

    static final String PATH = "/api/openapi.json";

    private final MultipleOpenApiWebMvcResource documents;

    PublicApiDocument(MultipleOpenApiWebMvcResource documents) {
        this.documents = documents;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] document(HttpServletRequest request, Locale locale) throws JsonProcessingException {
        return documents.openapiJson(request, PATH, OpenApiConfiguration.PUBLIC, locale);
    }
}
