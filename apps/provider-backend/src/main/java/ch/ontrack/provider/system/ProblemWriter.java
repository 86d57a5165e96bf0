package ch.ontrack.provider.system;

import ch.ontrack.web.ProblemHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/** problem+json for what Spring Security rejects before a controller runs: no redirects, no login page. */
class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) ->
                write(request, response, 401, "unauthenticated", "Not signed in", "Sign in to continue.");
    }

    AccessDeniedHandler denied() {
        return (request, response, e) -> {
            if (e instanceof CsrfException) {
                write(
                        request,
                        response,
                        403,
                        "csrf",
                        "Invalid CSRF token",
                        "The request lacks a valid X-XSRF-TOKEN header. Reload and try again.");
            } else {
                write(request, response, 403, "forbidden", "Forbidden", "You may not do this.");
            }
        };
    }

    void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String slug,
            String title,
            String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemHandler.TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
