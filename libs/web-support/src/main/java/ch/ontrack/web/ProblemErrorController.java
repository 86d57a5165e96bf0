package ch.ontrack.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error controller: whatever ends up on the error page (a {@code sendError}
 * from Tomcat, a filter or a firewall, an exception no handler caught) answers problem+json, whatever
 * the request's {@code Accept} header says, instead of Spring Boot's own error JSON or HTML.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof InvalidParameterException) {
      // thrown by a filter that read a parameter (a CSRF token, a form field) before any controller
      return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(ProblemHandler.undecodableParameters());
    }
    HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
    ProblemDetail problem = status == HttpStatus.INTERNAL_SERVER_ERROR
        ? ProblemHandler.problem(status, "internal", "Internal error",
            "Something went wrong on our side. Please try again later.")
        : ProblemHandler.problem(status, ProblemHandler.slugFor(status), status.getReasonPhrase(),
            "The server could not process this request.");
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static HttpStatus status(Object code) {
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }
}
