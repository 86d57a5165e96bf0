package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ApiSession;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantIsolationTest extends ApiTest {

    @Test
    void anotherProviderGets404OnEveryIdOfTheFirst() {
        ApiSession owner = signedIn();
        UUID client = owner.post("/api/clients", TestData.client("Anna Muster"))
                .expect(201)
                .id();
        UUID document = owner.post("/api/documents", TestData.document("Private"))
                .expect(201)
                .id();
        UUID file = owner.upload(
                        "/api/documents/" + document + "/files",
                        "a.txt",
                        "text/plain",
                        "secret".getBytes(StandardCharsets.UTF_8))
                .expect(201)
                .id();
        UUID share = owner.post("/api/documents/" + document + "/shares", TestData.shareTo("anna@example.ch"))
                .expect(201)
                .id();

        ApiSession other = signedIn();
        String expiry = Instant.now().plus(3, ChronoUnit.DAYS).toString();
        List<ApiResponse> answers = List.of(
                other.get("/api/clients/" + client),
                other.put("/api/clients/" + client, TestData.client("Mallory")),
                other.delete("/api/clients/" + client),
                other.get("/api/documents/" + document),
                other.put("/api/documents/" + document, TestData.document("Mine now")),
                other.delete("/api/documents/" + document),
                other.upload("/api/documents/" + document + "/files", "b.txt", "text/plain", "x".getBytes()),
                other.get("/api/documents/" + document + "/files/" + file),
                other.delete("/api/documents/" + document + "/files/" + file),
                other.get("/api/documents/" + document + "/shares"),
                other.post("/api/documents/" + document + "/shares", TestData.shareTo("m@example.ch")),
                other.get("/api/shares/" + share),
                other.post("/api/shares/" + share + "/reveal-code", Map.of()),
                other.post("/api/shares/" + share + "/revoke", Map.of()),
                other.post("/api/shares/" + share + "/regenerate-code", Map.of()),
                other.patch("/api/shares/" + share, Map.of("expiresAt", expiry)));
        assertThat(answers).allSatisfy(answer -> {
            answer.expect(404);
            assertThat(answer.problemType()).isEqualTo("not-found");
        });

        // sending to another provider's client is refused as well
        UUID otherDocument = other.post("/api/documents", TestData.document("Theirs"))
                .expect(201)
                .id();
        other.post(
                        "/api/documents/" + otherDocument + "/shares",
                        Map.of("clientId", client.toString(), "expiresAt", expiry))
                .expect(404);

        assertThat(JsonPath.<List<?>>read(other.get("/api/clients").text(), "$"))
                .isEmpty();
        assertThat(JsonPath.<List<String>>read(other.get("/api/documents").text(), "$.items[*].id"))
                .containsExactly(otherDocument.toString());
        owner.get("/api/clients/" + client).expect(200);
        owner.get("/api/documents/" + document + "/files/" + file).expect(200);
        owner.get("/api/shares/" + share).expect(200);
    }
}
