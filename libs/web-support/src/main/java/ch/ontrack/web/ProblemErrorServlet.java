package ch.ontrack.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error page, in place of Spring Boot's error controller: whatever ends up there (a
 * {@code sendError} from Tomcat, a filter or a firewall, an exception no handler caught) answers
 * problem+json, whatever the request's {@code Accept} header says. A plain servlet, so it is no
 * operation of the API documents; a request for the error page itself is 404.
 */
public class ProblemErrorServlet extends HttpServlet implements ErrorController {

    private final transient JsonMapper json;

    public ProblemErrorServlet(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = problem(request);
        response.reset();
        response.setStatus((Integer) problem.get("status"));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (!"HEAD".equals(request.getMethod())) {
            json.writeValue(response.getOutputStream(), problem);
        }
    }

    private static Map<String, Object> problem(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", "There is nothing at this address.");
        }
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof InvalidParameterException) {
            // a filter read a parameter (a CSRF token, a form field) before any controller
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-parameter",
                    "Invalid parameter",
                    ProblemHandler.UNDECODABLE_PARAMETERS);
        }
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code)
                : null;
        if (status == null || !status.isError() || status == HttpStatus.INTERNAL_SERVER_ERROR) {
            return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", ProblemHandler.INTERNAL);
        }
        return problem(
                status,
                ProblemHandler.slugFor(status),
                status.getReasonPhrase(),
                "The server could not process this request.");
    }

    private static Map<String, Object> problem(HttpStatus status, String slug, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemHandler.TYPE_BASE + slug);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        return problem;
    }
}
