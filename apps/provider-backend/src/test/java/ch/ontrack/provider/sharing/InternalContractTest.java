package ch.ontrack.provider.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.web.testing.ApiDocuments;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider's {@link ClientBackend} against the real client backend: every call it makes is an operation of
 * docs/api/client-internal.json, answered with one of that operation's documented statuses, and its JSON body has
 * the documented properties; every operation of the document is used.
 */
class InternalContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode DOCUMENT =
            JSON.readTree(ApiDocuments.file("client-internal.json").toFile());

    private static ClientBackendProcess backend;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    /** One request as sent and its answer's status. */
    record Call(String method, String path, byte[] body, int status) {}

    @BeforeAll
    static void start() throws Exception {
        backend = new ClientBackendProcess();
        backend.awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void everyCallOfTheProviderIsAnOperationOfTheInternalDocument() {
        ClientBackend client = client();
        UUID shareId = UUID.randomUUID();
        UUID fileId = UUID.randomUUID();
        byte[] pdf = "%PDF-1.4 contract".getBytes(StandardCharsets.US_ASCII);

        client.putFile(
                shareId,
                fileId,
                "Offerte März.pdf",
                "application/pdf",
                pdf.length,
                () -> new ByteArrayInputStream(pdf));
        String code = client.putShare(
                shareId,
                new ClientBackend.Snapshot(
                        "A".repeat(43),
                        "Treuhand Muster AG",
                        "Offerte",
                        "Guten Tag",
                        "anna@example.ch",
                        Instant.now().plus(Duration.ofDays(7)),
                        List.of(fileId),
                        "fr"));
        String events = client.events(shareId);
        String newCode = client.newAccessCode(shareId);
        client.changeExpiry(shareId, Instant.now().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.SECONDS));
        boolean revoked = client.revoke(shareId);
        boolean revokedUnknown = client.revoke(UUID.randomUUID());
        client.delete(shareId);

        assertThat(code).isNotBlank();
        assertThat(newCode).isNotBlank().isNotEqualTo(code);
        assertThat(JSON.readTree(events).path("locked").asBoolean(true)).isFalse();
        assertThat(revoked).isTrue();
        assertThat(revokedUnknown).as("an unknown share has nothing to revoke").isFalse();
        assertThat(calls).hasSize(8).allSatisfy(InternalContractTest::documented);
        Set<String> used = calls.stream().map(c -> operationOf(c).getKey()).collect(Collectors.toSet());
        assertThat(used).as("operations of the document the provider uses").isEqualTo(allOperations());
    }

    private ClientBackend client() {
        SharingSettings settings = new SharingSettings(
                URI.create("https://provider.localhost:8443"),
                URI.create("https://client.localhost:8443"),
                backend.internalUrl(),
                ClientBackendProcess.SECRET,
                "unused",
                Duration.ofHours(1));
        RestClient.Builder builder = RestClient.builder().requestInterceptor((request, body, execution) -> {
            var response = execution.execute(request, body);
            calls.add(new Call(
                    request.getMethod().name(),
                    request.getURI().getRawPath(),
                    body,
                    response.getStatusCode().value()));
            return response;
        });
        return new ClientBackend(settings, JSON, builder);
    }

    private static void documented(Call call) {
        Map.Entry<String, JsonNode> operation = operationOf(call);
        assertThat(operation)
                .as("%s %s is an operation of client-internal.json", call.method(), call.path())
                .isNotNull();
        assertThat(operation.getValue().path("responses").propertyNames())
                .as("documented answers of %s", operation.getKey())
                .contains(Integer.toString(call.status()));
        JsonNode schema = operation
                .getValue()
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        if (!schema.isMissingNode()) {
            JsonNode model = schema.has("$ref")
                    ? DOCUMENT.at(schema.get("$ref").asString().substring(1))
                    : schema;
            Set<String> sent = new HashSet<>(JSON.readTree(call.body()).propertyNames());
            Set<String> required = new HashSet<>();
            model.path("required").forEach(r -> required.add(r.asString()));
            assertThat(sent)
                    .as("body of %s", operation.getKey())
                    .containsAll(required)
                    .isSubsetOf(model.path("properties").propertyNames());
        }
    }

    /** "PUT /internal/shares/{shareId}" and its operation object, or null when no path template matches. */
    private static Map.Entry<String, JsonNode> operationOf(Call call) {
        for (Map.Entry<String, JsonNode> path : DOCUMENT.path("paths").properties()) {
            String pattern = path.getKey().replaceAll("\\{[^/]+}", "[^/]+");
            JsonNode operation = path.getValue().path(call.method().toLowerCase(Locale.ROOT));
            if (call.path().matches(pattern) && !operation.isMissingNode()) {
                return Map.entry(call.method() + " " + path.getKey(), operation);
            }
        }
        return null;
    }

    private static Set<String> allOperations() {
        Set<String> all = new HashSet<>();
        DOCUMENT.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .propertyNames()
                        .forEach(method -> all.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return all;
    }
}
