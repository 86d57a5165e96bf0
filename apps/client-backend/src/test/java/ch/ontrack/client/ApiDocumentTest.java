package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.web.testing.ApiDocuments;
import org.junit.jupiter.api.Test;

/** docs/api/client-public.json and client-internal.json are what this service describes (-Dopenapi.write=true
 * rewrites them). */
class ApiDocumentTest extends ApiTest {

    @Test
    void publicDocumentIsCheckedIn() {
        var response = site.get("/api/openapi.json");

        assertThat(response.status()).isEqualTo(200);
        ApiDocuments.check("client-public.json", response.text());
    }

    @Test
    void internalDocumentIsCheckedIn() {
        var response = internal.get("/internal/openapi.json");

        assertThat(response.status()).isEqualTo(200);
        ApiDocuments.check("client-internal.json", response.text());
    }

    @Test
    void theInternalDocumentIsServedOnlyOnTheInternalPortWithTheSecret() {
        assertThat(site.get("/internal/openapi.json").status()).isEqualTo(404);
        assertThat(internalWithoutSecret().get("/internal/openapi.json").status())
                .isEqualTo(401);
        for (String springdoc : new String[] {"/internal/springdoc", "/internal/springdoc/internal"}) {
            assertThat(internal.get(springdoc).status()).as(springdoc).isEqualTo(404);
            assertThat(site.get(springdoc).status()).as(springdoc).isEqualTo(404);
        }
    }
}
