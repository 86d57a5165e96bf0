package ch.ontrack.apiclient;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A response the caller did not expect, with its RFC 9457 problem details when the body is {@code
 * application/problem+json}: type (absent means {@code about:blank}), title, detail and the other
 * members (e.g. {@code attemptsLeft}).
 */
public final class ApiProblemException extends RuntimeException {

    private final ApiResponse response;
    private final JsonNode problem;

    public ApiProblemException(ApiResponse response) {
        super(response.request() + " answered " + response.summary());
        this.response = response;
        this.problem = parse(response);
    }

    static boolean isProblem(ApiResponse response) {
        return response.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/problem+json");
    }

    private static JsonNode parse(ApiResponse response) {
        if (!isProblem(response) || response.body().length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return ApiSession.JSON.readTree(response.body());
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    public ApiResponse response() {
        return response;
    }

    public int status() {
        return response.status();
    }

    /** Whether the body was problem+json. */
    public boolean hasProblemDetails() {
        return problem.isObject();
    }

    /** The type URI; {@code about:blank} for problem+json without one, null for other bodies. */
    public String type() {
        return !problem.isObject() ? null : problem.path("type").asString("about:blank");
    }

    /** The type's last path segment: {@code https://on-track.ch/problems/not-found} gives {@code not-found}. */
    public String typeName() {
        String type = type();
        return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
    }

    public String title() {
        return problem.path("title").asString(null);
    }

    public String detail() {
        return problem.path("detail").asString(null);
    }

    /** A member of the problem object, missing when absent. */
    public JsonNode member(String name) {
        return problem.path(name);
    }
}
