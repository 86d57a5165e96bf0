package ch.ontrack.client.internal;

import ch.ontrack.client.OpenApiConfiguration;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springdoc.webmvc.api.MultipleOpenApiWebMvcResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The internal API's OpenAPI document, served where the internal API is: the internal port, with the secret. */
@Hidden
@RestController
class InternalApiDocument {

    static final String PATH = "/internal/openapi.json";

    private final MultipleOpenApiWebMvcResource documents;

    InternalApiDocument(MultipleOpenApiWebMvcResource documents) {
        this.documents = documents;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] document(HttpServletRequest request, Locale locale) throws JsonProcessingException {
        return documents.openapiJson(request, PATH, OpenApiConfiguration.INTERNAL, locale);
    }
}
