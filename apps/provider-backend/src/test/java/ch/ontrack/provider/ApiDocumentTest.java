package ch.ontrack.provider;

import ch.ontrack.web.testing.ApiDocuments;
import org.junit.jupiter.api.Test;

/** docs/api/provider-public.json is what this service describes (-Dopenapi.write=true rewrites it). */
class ApiDocumentTest extends ApiTest {

    @Test
    void publicDocumentIsCheckedIn() {
        ApiDocuments.check(
                "provider-public.json",
                browser().get("/api/openapi.json").expect(200).text());
    }
}
