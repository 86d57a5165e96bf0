package ch.ontrack.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Whether the database answers, known within {@link #ANSWER_WITHIN}: the check runs on its own thread and
 * callers stop waiting for it in time. Concurrent callers share the check in flight, so probes that pile up
 * while the database hangs cost one thread and one connection attempt, not one each.
 */
public class DatabaseCheck {

    /** How long health and readiness wait for the database before they answer DOWN. */
    public static final Duration ANSWER_WITHIN = Duration.ofMillis(800);

    private static final int VALID_WITHIN_SECONDS = 1;

    private final DataSource dataSource;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "database-check");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Boolean> inFlight;

    public DatabaseCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean up() {
        try {
            return current().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized CompletableFuture<Boolean> current() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = CompletableFuture.supplyAsync(this::check, executor);
        }
        return inFlight;
    }

    private boolean check() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_WITHIN_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
