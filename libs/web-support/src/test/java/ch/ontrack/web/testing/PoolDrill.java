package ch.ontrack.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Both backends' pool tests: no request holds two pooled connections, so no number of parallel reads can
 * deadlock the pool. Each read is named (for the failure message) and answers its HTTP status.
 */
public final class PoolDrill {

    /** Each parallel caller comes back this often: a steady load rather than one burst. */
    private static final int ROUNDS = 10;

    private PoolDrill() {}

    /** Every read answers 200 while all connections but one are taken (a second one would never come). */
    public static void withOneFreeConnection(HikariDataSource pool, Map<String, Callable<Integer>> reads)
            throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 1; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.getConnection());
            }
            for (var read : reads.entrySet()) {
                assertThat(read.getValue().call())
                        .as("%s with one free connection", read.getKey())
                        .isEqualTo(200);
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    /** Every read, one after the other, from twice as many parallel callers as the pool has connections. */
    public static void twiceThePoolSizeInParallel(HikariDataSource pool, Map<String, Callable<Integer>> reads)
            throws Exception {
        int parallel = 2 * pool.getMaximumPoolSize();
        ExecutorService callers = Executors.newFixedThreadPool(parallel);
        try {
            for (var read : reads.entrySet()) {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < parallel; i++) {
                    answers.add(callers.submit(() -> {
                        int worst = 200;
                        for (int round = 0; round < ROUNDS && worst == 200; round++) {
                            worst = read.getValue().call();
                        }
                        return worst;
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses)
                        .as("statuses of %d parallel callers of %s", parallel, read.getKey())
                        .containsOnly(200);
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
