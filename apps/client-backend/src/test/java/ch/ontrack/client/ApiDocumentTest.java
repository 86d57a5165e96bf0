package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.web.testing.ApiDocuments;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** docs/api/client-public.json and client-internal.json are what this service describes (-Dopenapi.write=true
 * rewrites them). */
class ApiDocumentTest extends ApiTest {

  @Test
  void publicDocumentIsCheckedIn() {
    var response = api.publicCall("GET", "/api/openapi.json", null);

    assertThat(response.status()).isEqualTo(200);
    ApiDocuments.check("client-public.json", new String(response.body(), StandardCharsets.UTF_8));
  }

  @Test
  void internalDocumentIsCheckedIn() {
    var response = api.internalCall("GET", "/internal/openapi.json", null);

    assertThat(response.status()).isEqualTo(200);
    ApiDocuments.check("client-internal.json", new String(response.body(), StandardCharsets.UTF_8));
  }

  @Test
  void theInternalDocumentIsServedOnlyOnTheInternalPortWithTheSecret() {
    assertThat(api.publicCall("GET", "/internal/openapi.json", null).status()).isEqualTo(404);
    assertThat(api.rawInternal("GET", "/internal/openapi.json", null).status()).isEqualTo(401);
    for (String springdoc : new String[] {"/internal/springdoc", "/internal/springdoc/internal"}) {
      assertThat(api.internalCall("GET", springdoc, null).status()).as(springdoc).isEqualTo(404);
      assertThat(api.publicCall("GET", springdoc, null).status()).as(springdoc).isEqualTo(404);
    }
  }
}
