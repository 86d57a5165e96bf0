package ch.ontrack.apiclient;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** A whole response in memory: status, headers, body, and what the platform's API puts in them. */
public record ApiResponse(String request, int status, HttpHeaders headers, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON; an empty body is a missing node. */
    public JsonNode json() {
        return body.length == 0 ? MissingNode.getInstance() : ApiSession.JSON.readTree(body);
    }

    public <T> T as(Class<T> type) {
        return ApiSession.JSON.readValue(body, type);
    }

    /** The {@code id} of what the request created or read: the platform's resources have UUIDs. */
    public UUID id() {
        return UUID.fromString(json().path("id").asString());
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    public List<String> setCookies() {
        return headers.allValues("Set-Cookie");
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** This response if its status is one of these, otherwise an {@link ApiProblemException}. */
    public ApiResponse expect(int... statuses) {
        if (Arrays.stream(statuses).noneMatch(s -> s == status)) {
            throw new ApiProblemException(this);
        }
        return this;
    }

    /** This response if it is 2xx, otherwise an {@link ApiProblemException}. */
    public ApiResponse expectOk() {
        if (!ok()) {
            throw new ApiProblemException(this);
        }
        return this;
    }

    /** The problem's type without the platform's prefix (e.g. {@code not-found}), or null if not problem+json. */
    public String problemType() {
        return ApiProblemException.isProblem(this) ? new ApiProblemException(this).typeName() : null;
    }

    /** Status, content type and the start of the body, for messages. */
    public String summary() {
        String type = contentType();
        return status + (type.isEmpty() ? "" : " (" + type + ")") + (body.length == 0 ? "" : ": " + abbreviate(text()));
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
