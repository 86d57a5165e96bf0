package ch.ontrack.web.ratelimit;

import ch.ontrack.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * 429 {@code too-many-attempts} with a {@code Retry-After} header (set by the problem handler) and the same
 * seconds as {@code retryAfterSeconds} in the body.
 */
public class TooManyAttempts extends ApiProblem {

    private final long retryAfterSeconds;

    public TooManyAttempts(long retryAfterSeconds, String detail) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-attempts",
                "Too many attempts",
                detail,
                Map.of("retryAfterSeconds", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
