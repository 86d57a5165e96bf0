package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientApiTest extends ApiTest {

    @Test
    void clientsAreCreatedReadUpdatedAndDeleted() {
        ApiSession browser = signedIn();
        var created =
                browser.post("/api/clients", TestData.client("Anna Muster")).expect(201);
        UUID id = created.id();
        assertThat(JsonPath.<String>read(created.text(), "$.email")).isEqualTo("annamuster@example.ch");

        browser.get("/api/clients/" + id).expect(200);
        var updated = browser.put("/api/clients/" + id, Map.of("name", "Anna Beispiel", "email", "anna@example.ch"))
                .expect(200);
        assertThat(JsonPath.<String>read(updated.text(), "$.name")).isEqualTo("Anna Beispiel");
        assertThat(JsonPath.<String>read(browser.get("/api/clients/" + id).text(), "$.email"))
                .isEqualTo("anna@example.ch");

        browser.delete("/api/clients/" + id).expect(204);
        assertThat(browser.get("/api/clients/" + id).expect(404).problemType()).isEqualTo("not-found");
    }

    @Test
    void listIsSortedByName() {
        ApiSession browser = signedIn();
        for (String name : List.of("zora Zimmermann", "Bruno Bär", "anna Aebi")) {
            browser.post("/api/clients", TestData.client(name)).expect(201);
        }
        List<String> names =
                JsonPath.read(browser.get("/api/clients").expect(200).text(), "$[*].name");
        assertThat(names).containsExactly("anna Aebi", "Bruno Bär", "zora Zimmermann");
    }

    @Test
    void invalidEmailIs422WithTheField() {
        var response = signedIn()
                .post("/api/clients", Map.of("name", "Anna", "email", "not an e-mail"))
                .expect(422);
        assertThat(response.problemType()).isEqualTo("validation");
        assertThat(JsonPath.<List<String>>read(response.text(), "$.errors[*].field"))
                .contains("email");
    }

    @Test
    void missingFieldsAre422() {
        assertThat(signedIn().post("/api/clients", Map.of()).expect(422).problemType())
                .isEqualTo("validation");
    }

    @Test
    void malformedJsonIs400() {
        assertThat(signedIn().post("/api/clients", "{\"name\": ").expect(400).problemType())
                .isEqualTo("bad-request");
    }

    @Test
    void unknownOrMalformedIdIsNotFoundOrBadRequest() {
        ApiSession browser = signedIn();
        assertThat(browser.get("/api/clients/" + UUID.randomUUID()).expect(404).problemType())
                .isEqualTo("not-found");
        assertThat(browser.put("/api/clients/" + UUID.randomUUID(), TestData.client("X"))
                        .expect(404)
                        .problemType())
                .isEqualTo("not-found");
        assertThat(browser.get("/api/clients/not-a-uuid").expect(400).problemType())
                .isEqualTo("invalid-parameter");
    }

    @Test
    void aClientReadsTheLanguageGivenElseTheProvidersElseGerman() {
        ApiSession browser = signedIn();
        var given = new java.util.HashMap<>(TestData.client("Chiara Rossi"));
        given.put("language", "it");
        assertThat(JsonPath.<String>read(
                        browser.post("/api/clients", given).expect(201).text(), "$.language"))
                .isEqualTo("it");

        assertThat(JsonPath.<String>read(
                        browser.header("Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8")
                                .post("/api/clients", TestData.client("Luc Martin"))
                                .expect(201)
                                .text(),
                        "$.language"))
                .isEqualTo("fr");
        assertThat(JsonPath.<String>read(
                        browser.header("Accept-Language", null)
                                .post("/api/clients", TestData.client("Urs Keller"))
                                .expect(201)
                                .text(),
                        "$.language"))
                .isEqualTo("de");
    }

    @Test
    void anUpdateWithoutALanguageKeepsItAndAnUnknownLanguageIs422() {
        ApiSession browser = signedIn().header("Accept-Language", "en");
        UUID id = browser.post("/api/clients", TestData.client("Emma Brown"))
                .expect(201)
                .id();
        var renamed = browser.header("Accept-Language", "de-CH")
                .put("/api/clients/" + id, Map.of("name", "Emma Braun", "email", "emma@example.ch"))
                .expect(200);
        assertThat(JsonPath.<String>read(renamed.text(), "$.language")).isEqualTo("en");
        var changed = browser.put(
                        "/api/clients/" + id,
                        Map.of("name", "Emma Braun", "email", "emma@example.ch", "language", "fr"))
                .expect(200);
        assertThat(JsonPath.<String>read(changed.text(), "$.language")).isEqualTo("fr");

        var refused = browser.put(
                        "/api/clients/" + id,
                        Map.of("name", "Emma Braun", "email", "emma@example.ch", "language", "es"))
                .expect(422);
        assertThat(JsonPath.<List<String>>read(refused.text(), "$.errors[*].field"))
                .containsExactly("language");
        assertThat(JsonPath.<String>read(browser.get("/api/clients/" + id).text(), "$.language"))
                .isEqualTo("fr");
    }
}
