package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Clients' addresses must reach a mailbox by name; titles that go into e-mails are one line. */
class AddressesAndTitlesTest extends ApiTest {

  @Test
  void clientAndRecipientAddressesNeedADottedDomainName() {
    Browser browser = signedIn();
    UUID document = browser.post("/api/documents", TestData.document("Annual accounts")).expect(201).id();
    for (String address : List.of("a@b", "a@[127.0.0.1]", "a@[IPv6:::1]", "anna@10.0.0.1", "anna@example.",
        "anna@-example.ch", "anna@@example.ch")) {
      var client = browser.post("/api/clients", Map.of("name", "Anna", "email", address)).expect(422);
      var share = browser.post("/api/documents/" + document + "/shares", TestData.shareTo(address)).expect(422);
      assertThat(client.<String>path("$.errors[0].field")).as(address).isEqualTo("email");
      assertThat(share.<String>path("$.errors[0].field")).as(address).isEqualTo("email");
    }
  }

  @Test
  void addressesAreNormalisedAndTheLocalPartKeepsItsCase() {
    Browser browser = signedIn();
    var created = browser.post("/api/clients", Map.of("name", "Anna", "email", " ＡＮＮＡ.Muster@ＥＸＡＭＰＬＥ.CH ")).expect(201);
    var umlaut = browser.post("/api/clients", Map.of("name", "Jürg", "email", "jürg@bücher.ch")).expect(201);

    assertThat(created.<String>path("$.email")).isEqualTo("ANNA.Muster@example.ch");
    assertThat(umlaut.<String>path("$.email")).isEqualTo("jürg@bücher.ch");
  }

  @Test
  void aDocumentTitleIsOneLine() {
    Browser browser = signedIn();
    var refused = browser.post("/api/documents", Map.of("title", "Tax return\nCall +41 00 000 00 00 now",
        "message", "Line one\nLine two")).expect(422);

    assertThat(refused.<String>path("$.errors[0].field")).isEqualTo("title");
    browser.post("/api/documents", Map.of("title", "Tax return 2025", "message", "Line one\nLine two")).expect(201);
  }
}
