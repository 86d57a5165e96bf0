package ch.ontrack.e2e.fuzz;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One operation of an API as its description states it: the method, the path template, its path
 * and query parameters and, when it takes one, the body's media type and JSON schema.
 */
public record Operation(
        Api api,
        String method,
        String path,
        List<String> pathParams,
        List<String> queryParams,
        String bodyType,
        JsonNode bodySchema) {

    /** The three APIs the platform exposes: two public ones through the gateway, one internal. */
    public enum Api {
        PROVIDER,
        CLIENT,
        INTERNAL
    }

    public boolean hasBody() {
        return bodyType != null;
    }

    public boolean isJson() {
        return bodyType != null && bodyType.contains("json");
    }

    public boolean isMultipart() {
        return bodyType != null && bodyType.startsWith("multipart/");
    }

    @Override
    public String toString() {
        return api.name().toLowerCase(java.util.Locale.ROOT) + " " + method + " " + path;
    }
}
