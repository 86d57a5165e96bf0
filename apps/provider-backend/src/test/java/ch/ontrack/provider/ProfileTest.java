package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTest extends ApiTest {

  @Test
  void theOrganisationNameChangesAndMustNotBeBlank() {
    Browser browser = signedIn();
    assertThat(browser.patch("/api/auth/account", Map.of("organisation", "Neue Treuhand GmbH")).expect(200)
        .<String>path("$.organisation")).isEqualTo("Neue Treuhand GmbH");
    assertThat(browser.get("/api/auth/me").<String>path("$.organisation")).isEqualTo("Neue Treuhand GmbH");
    assertThat(browser.patch("/api/auth/account", Map.of("organisation", "   ")).expect(422).problemType())
        .isEqualTo("validation");
  }
}
