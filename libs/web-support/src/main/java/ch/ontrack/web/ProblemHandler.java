package ch.ontrack.web;

import ch.ontrack.web.ratelimit.TooManyAttempts;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Turns every error into problem+json with a stable type. Framework errors keep their status
 * (400, 404, 405, 413, 415, ...); anything unexpected becomes a 500 without internals.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "https://on-track.ch/problems/";
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
        ProblemDetail problem = problem(e.status(), e.type(), e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        if (e instanceof TooManyAttempts tooMany) {
            return ResponseEntity.status(e.status())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()))
                    .body(problem);
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-parameter",
                "Invalid parameter",
                "The value of '" + e.getName() + "' is not valid.");
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * Tomcat decodes the query string and form bodies when a parameter is first read and refuses
     * bad UTF-8 (a lone surrogate, a cut sequence) or too many parameters then: the client's fault.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameters(InvalidParameterException e) {
        return ResponseEntity.status(400).body(undecodableParameters());
    }

    static final String UNDECODABLE_PARAMETERS = "The query string or the form body cannot be decoded.";
    static final String INTERNAL = "Something went wrong on our side. Please try again later.";

    static ProblemDetail undecodableParameters() {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", UNDECODABLE_PARAMETERS);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                .toList();
        ProblemDetail problem = problem(
                HttpStatus.UNPROCESSABLE_CONTENT, "validation", "Invalid input", "Some fields are missing or invalid.");
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "too-large",
                        "Too large",
                        BodyTooLargeException.detail(e.limit())));
    }

    /** Truncated bodies, a missing boundary, broken part headers: the client's fault, not ours. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge);
        }
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "malformed-multipart",
                        "Malformed upload",
                        "The request is not a complete multipart/form-data body."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            // a store or a parser wrapped the stream's exception
            return bodyTooLarge(tooLarge);
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // the caller hung up mid-request (an aborted upload): nothing of ours failed, and no one reads the answer
            log.info("Client went away before the request was complete: {}", e.toString());
            return ResponseEntity.badRequest()
                    .body(problem(
                            HttpStatus.BAD_REQUEST,
                            "incomplete-request",
                            "Incomplete request",
                            "The connection closed before the request was complete."));
        }
        log.error("Unexpected error", e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", INTERNAL);
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(
                HttpStatus.UNPROCESSABLE_CONTENT, "validation", "Invalid input", "Some fields are missing or invalid.");
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    /** Too large, unstorable text and parser limits get their own answers; the rest is 400. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(bodyTooLarge(tooLarge).getBody());
        }
        StorableText.UnstorableTextException unstorable = cause(e, StorableText.UnstorableTextException.class);
        if (unstorable != null) {
            ProblemDetail problem = problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "validation",
                    "Invalid input",
                    "Text may not contain NUL characters or unpaired surrogates.");
            problem.setProperty("errors", List.of(Map.of("field", field(unstorable), "message", StorableText.MESSAGE)));
            return ResponseEntity.unprocessableContent().body(problem);
        }
        if (cause(e, StreamConstraintsException.class) != null) {
            return ResponseEntity.badRequest()
                    .body(problem(
                            HttpStatus.BAD_REQUEST,
                            "json-limits",
                            "Request too complex",
                            "A value in the request body is too long or nested too deeply."));
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String field(JacksonException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(
                        HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large", "The upload is larger than allowed."));
    }

    /** Framework errors (malformed JSON, unsupported media type, ...) get a stable type too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
            problem.setType(type(slugFor(status)));
            if (status.value() == 400
                    && problem.getDetail() != null
                    && problem.getDetail().startsWith("Failed to read request")) {
                problem.setDetail("The request body is missing or is not valid JSON.");
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    static String slugFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status.value();
        };
    }
}
