package ch.ontrack.launcher.gateway;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own error responses: RFC 9457 problem+json under {@code /api}, as the backends
 * answer there, and a short page without stack traces elsewhere. A request Jetty rejects while
 * parsing it (a NUL or bad UTF-8 in the path, an ambiguous path, a request line or headers too
 * large) reaches this handler under a placeholder path ({@code /badMessage}, {@code /badURI}):
 * its real path is unknown, so it gets problem+json too, as an API client expects.
 */
final class GatewayErrors extends ErrorHandler {

    static final String TYPE_BASE = "https://on-track.ch/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    GatewayErrors() {
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!isApi(Request.getPathInContext(request)) && !isRejectedUnread(request)) {
            return super.handle(request, response, callback);
        }
        int status = response.getStatus();
        String detail = request.getAttribute(ERROR_MESSAGE) instanceof String message && !message.isBlank()
                ? message
                : HttpStatus.getMessage(status) + ".";
        byte[] body = JSON.writeValueAsBytes(new Problem(
                TYPE_BASE + slug(status),
                HttpStatus.getMessage(status),
                status,
                detail,
                request.getHttpURI().getPath()));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    static boolean isApi(String path) {
        String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
        return p.equals("/api") || p.startsWith("/api/");
    }

    /** Jetty's placeholder paths for a request whose own path could not be read or was refused. */
    private static final java.util.Set<String> PLACEHOLDER_PATHS = java.util.Set.of("/badMessage", "/badURI");

    static boolean isRejectedUnread(Request request) {
        return request.getAttribute(ERROR_EXCEPTION) instanceof HttpException
                && PLACEHOLDER_PATHS.contains(request.getHttpURI().getPath());
    }

    static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 421 -> "misdirected-request";
            case 502 -> "bad-gateway";
            case 503 -> "backend-unavailable";
            case 504 -> "backend-timeout";
            default -> "http-" + status;
        };
    }

    record Problem(String type, String title, int status, String detail, String instance) {}
}
