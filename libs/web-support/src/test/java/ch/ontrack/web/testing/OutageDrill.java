package ch.ontrack.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A database restart under a steady write load, as both backends' outage tests run it: writes go on every
 * 50 ms; the database stops; a 503 must come; the caller checks what else holds during the outage; after
 * 2 s the database starts again and a write must succeed within {@link #RECOVERY}. Every answer is 201 or
 * 503 problem+json, none hangs past {@link #CLIENT_TIMEOUT}; the caller checks that what was acknowledged is
 * stored.
 */
public final class OutageDrill {

    /** Longer than any answer may take; a request still open then counts as hanging. */
    public static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);

    public static final Duration RECOVERY = Duration.ofSeconds(10);

    /** One write of the load, keyed by what the caller can find it by afterwards (an id, a title). */
    public interface Writer {
        HttpResponse<String> write(String key) throws IOException, InterruptedException;
    }

    /** Checks made while the database is away. */
    public interface DuringOutage {
        void check() throws Exception;
    }

    private record Write(String key, int status, String contentType, Instant answeredAt) {}

    private OutageDrill() {}

    /** Runs the drill and returns the keys of the acknowledged (201) writes. */
    public static List<String> run(
            RestartableDatabase database, String keyPrefix, Writer writer, DuringOutage duringOutage) throws Exception {
        List<Write> writes = new CopyOnWriteArrayList<>();
        List<String> hangs = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = new Thread(
                () -> {
                    while (running.get()) {
                        String key = keyPrefix + UUID.randomUUID();
                        try {
                            HttpResponse<String> response = writer.write(key);
                            writes.add(new Write(
                                    key,
                                    response.statusCode(),
                                    response.headers()
                                            .firstValue("Content-Type")
                                            .orElse(""),
                                    Instant.now()));
                        } catch (HttpTimeoutException e) {
                            hangs.add(key);
                        } catch (IOException e) {
                            hangs.add(key + ": " + e);
                        } catch (InterruptedException e) {
                            return;
                        }
                        pause(50);
                    }
                },
                "write-load");
        load.start();
        try {
            until(() -> writes.stream().filter(w -> w.status() == 201).count() >= 10, "writes before the restart");

            database.stop();
            Instant down = Instant.now();
            until(
                    () -> writes.stream()
                            .anyMatch(w -> w.status() == 503 && w.answeredAt().isAfter(down)),
                    "a 503 during the outage");
            duringOutage.check();
            pause(2000);

            database.start();
            Instant back = Instant.now();
            until(
                    () -> writes.stream()
                            .anyMatch(w -> w.status() == 201 && w.answeredAt().isAfter(back)),
                    "a write after the database is back");
            Instant recovered = writes.stream()
                    .filter(w -> w.status() == 201 && w.answeredAt().isAfter(back))
                    .map(Write::answeredAt)
                    .findFirst()
                    .orElseThrow();
            assertThat(recovered).as("first write after the return").isBefore(back.plus(RECOVERY));
        } finally {
            running.set(false);
            load.join();
        }

        assertThat(hangs)
                .as("requests without an answer within %s", CLIENT_TIMEOUT)
                .isEmpty();
        assertThat(writes).allSatisfy(w -> {
            assertThat(w.status()).isIn(201, 503);
            if (w.status() == 503) {
                assertThat(w.contentType()).startsWith("application/problem+json");
            }
        });
        return writes.stream().filter(w -> w.status() == 201).map(Write::key).toList();
    }

    private static void until(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            pause(50);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
