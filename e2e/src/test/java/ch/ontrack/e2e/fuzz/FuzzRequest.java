package ch.ontrack.e2e.fuzz;

import java.util.Map;

/**
 * One generated request: what was changed ({@code what}, for the failure report), the method, the
 * path with its query (already percent-encoded), the content type and the body.
 */
record FuzzRequest(
        Operation operation,
        String what,
        String method,
        String target,
        String contentType,
        GeneratedBody body,
        Map<String, String> headers) {

    @Override
    public String toString() {
        return method + " " + Texts.visible(Texts.shorten(target, 200)) + " [" + what + "]"
                + (contentType == null ? "" : " " + Texts.visible(contentType)) + (body == null ? "" : " body " + body);
    }
}
