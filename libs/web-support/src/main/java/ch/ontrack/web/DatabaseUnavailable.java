package ch.ontrack.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database is unreachable or busy", and the 503 that answers them. */
public final class DatabaseUnavailable {

    static final String RETRY_AFTER_SECONDS = "5";
    static final String DETAIL = "The service is briefly unavailable. Please try again in a moment.";

    private DatabaseUnavailable() {}

    /** True for a failure anywhere in the cause chain that a retry a few seconds later may cure. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            // class 08: connection exception; 57P0x: the server is shutting down or restarting
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    public static ProblemDetail problem() {
        return ProblemHandler.problem(
                HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", DETAIL);
    }

    public static ResponseEntity<ProblemDetail> response() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem());
    }
}
