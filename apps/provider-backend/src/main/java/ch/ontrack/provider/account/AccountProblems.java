package ch.ontrack.provider.account;

import ch.ontrack.web.ApiProblem;
import ch.ontrack.web.ProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problems the account flows answer with; 429 carries Retry-After. */
@RestControllerAdvice(basePackageClasses = AccountProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountProblems {

    /** Too many mails asked for: 429 {@code too-many-requests} with Retry-After. */
    static final class RateLimited extends RuntimeException {
        final long seconds;

        RateLimited(long seconds) {
            super("rate limited", null, false, false);
            this.seconds = seconds;
        }
    }

    @ExceptionHandler(RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimited e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.seconds))
                .body(ProblemHandler.problem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-requests",
                        "Too many requests",
                        "Too many requests. Try again later."));
    }

    static ApiProblem invalidLink() {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "invalid-link",
                "Invalid link",
                "This link is not valid: it was used already, has expired, or a newer one was sent.");
    }

    static ApiProblem emailTaken() {
        return new ApiProblem(
                HttpStatus.CONFLICT,
                "email-taken",
                "E-mail taken",
                "An account with this e-mail address exists already.");
    }

    static ApiProblem wrongPassword() {
        return new ApiProblem(HttpStatus.FORBIDDEN, "wrong-password", "Wrong password", "The password does not match.");
    }

    static ApiProblem wrongCode() {
        return new ApiProblem(
                HttpStatus.FORBIDDEN,
                "wrong-code",
                "Wrong code",
                "The code does not match. Use the current code of your authenticator app or an unused recovery code.");
    }
}
