package ch.ontrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresTimeoutsAndRestartsAreUnavailable() {
        assertThat(DatabaseUnavailable.is(new DataAccessResourceFailureException("no connection")))
                .isTrue();
        assertThat(DatabaseUnavailable.is(new QueryTimeoutException("statement timeout")))
                .isTrue();
        assertThat(DatabaseUnavailable.is(new CannotCreateTransactionException("pool timeout")))
                .isTrue();
        assertThat(DatabaseUnavailable.is(new SQLException("connection refused", "08001")))
                .isTrue();
        assertThat(DatabaseUnavailable.is(new SQLException("terminating connection", "57P01")))
                .isTrue();
    }

    @Test
    void theCauseCountsWhereverItIsWrapped() {
        assertThat(DatabaseUnavailable.is(
                        new ServletException(new IllegalStateException(new SQLException("connection reset", "08006")))))
                .isTrue();
    }

    @Test
    void mistakesInTheRequestOrTheCodeAreNot() {
        assertThat(DatabaseUnavailable.is(new DataIntegrityViolationException("duplicate key")))
                .isFalse();
        assertThat(DatabaseUnavailable.is(new SQLException("invalid byte sequence", "22021")))
                .isFalse();
        assertThat(DatabaseUnavailable.is(new IllegalStateException("bug"))).isFalse();
    }
}
