package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTest extends ApiTest {

    @Test
    void theOrganisationNameChangesAndMustNotBeBlank() {
        ApiSession browser = signedIn();
        assertThat(JsonPath.<String>read(
                        browser.patch("/api/auth/account", Map.of("organisation", "Neue Treuhand GmbH"))
                                .expect(200)
                                .text(),
                        "$.organisation"))
                .isEqualTo("Neue Treuhand GmbH");
        assertThat(JsonPath.<String>read(browser.get("/api/auth/me").text(), "$.organisation"))
                .isEqualTo("Neue Treuhand GmbH");
        assertThat(browser.patch("/api/auth/account", Map.of("organisation", "   "))
                        .expect(422)
                        .problemType())
                .isEqualTo("validation");
    }
}
