package ch.ontrack.web.files;

import ch.ontrack.web.ProblemHandler;
import ch.ontrack.web.SecurityHeaders;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** While the object storage is down, uploads and downloads answer 503 and may be retried. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FileStoreUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(FileStoreUnavailableAdvice.class);

    @ExceptionHandler(FileStoreUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(FileStoreUnavailable e, HttpServletResponse response) {
        log.warn("File store unavailable: {}", e.getMessage());
        if (!response.isCommitted()) {
            // a download may have set its length, range and name already: back to what every answer carries
            response.reset();
            SecurityHeaders.COMMON.forEach(response::setHeader);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "10")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemHandler.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "file-store-unavailable",
                        "File store unavailable",
                        "Files cannot be stored or read just now. Please try again in a moment."));
    }
}
