package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Clients' addresses must reach a mailbox by name; titles that go into e-mails are one line. */
class AddressesAndTitlesTest extends ApiTest {

    @Test
    void clientAndRecipientAddressesNeedADottedDomainName() {
        ApiSession browser = signedIn();
        UUID document = browser.post("/api/documents", TestData.document("Annual accounts"))
                .expect(201)
                .id();
        for (String address : List.of(
                "a@b",
                "a@[127.0.0.1]",
                "a@[IPv6:::1]",
                "anna@10.0.0.1",
                "anna@example.",
                "anna@-example.ch",
                "anna@@example.ch")) {
            var client = browser.post("/api/clients", Map.of("name", "Anna", "email", address))
                    .expect(422);
            var share = browser.post("/api/documents/" + document + "/shares", TestData.shareTo(address))
                    .expect(422);
            assertThat(JsonPath.<String>read(client.text(), "$.errors[0].field"))
                    .as(address)
                    .isEqualTo("email");
            assertThat(JsonPath.<String>read(share.text(), "$.errors[0].field"))
                    .as(address)
                    .isEqualTo("email");
        }
    }

    @Test
    void addressesAreNormalisedAndTheLocalPartKeepsItsCase() {
        ApiSession browser = signedIn();
        var created = browser.post("/api/clients", Map.of("name", "Anna", "email", " ＡＮＮＡ.Muster@ＥＸＡＭＰＬＥ.CH "))
                .expect(201);
        var umlaut = browser.post("/api/clients", Map.of("name", "Jürg", "email", "jürg@bücher.ch"))
                .expect(201);

        assertThat(JsonPath.<String>read(created.text(), "$.email")).isEqualTo("ANNA.Muster@example.ch");
        assertThat(JsonPath.<String>read(umlaut.text(), "$.email")).isEqualTo("jürg@bücher.ch");
    }

    @Test
    void aDocumentTitleIsOneLine() {
        ApiSession browser = signedIn();
        var refused = browser.post(
                        "/api/documents",
                        Map.of("title", "Tax return\nCall +41 00 000 00 00 now", "message", "Line one\nLine two"))
                .expect(422);

        assertThat(JsonPath.<String>read(refused.text(), "$.errors[0].field")).isEqualTo("title");
        browser.post("/api/documents", Map.of("title", "Tax return 2025", "message", "Line one\nLine two"))
                .expect(201);
    }
}
