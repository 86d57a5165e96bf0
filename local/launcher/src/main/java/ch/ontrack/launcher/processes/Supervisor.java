package ch.ontrack.launcher.processes;

import ch.ontrack.launcher.component.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Restarts a component that exited on its own, with {@link Backoff}; one stopped on purpose
 * stays stopped until it is started on purpose.
 */
public final class Supervisor implements AutoCloseable {

    private final Backoff backoff;
    private final Progress progress;
    private final Path logs;
    private final Consumer<String> start;
    private final Consumer<String> stop;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "platform-restart");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Integer> crashesInARow = new ConcurrentHashMap<>();
    private final Set<String> stoppedOnPurpose = ConcurrentHashMap.newKeySet();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    /** Bumped by every start or stop on purpose: a restart scheduled before it must not touch the component. */
    private final Map<String, Integer> purposeful = new ConcurrentHashMap<>();

    private volatile boolean closed;

    /** {@code start} starts a component and returns when it is ready, or throws; {@code stop} stops it. */
    public Supervisor(Backoff backoff, Progress progress, Path logs, Consumer<String> start, Consumer<String> stop) {
        this.backoff = backoff;
        this.progress = progress;
        this.logs = logs;
        this.start = start;
        this.stop = stop;
    }

    public void stoppedOnPurpose(String name) {
        purposeful.merge(name, 1, Integer::sum);
        stoppedOnPurpose.add(name);
        cancelPending(name);
    }

    public void startedOnPurpose(String name) {
        purposeful.merge(name, 1, Integer::sum);
        stoppedOnPurpose.remove(name);
        cancelPending(name);
        crashesInARow.remove(name);
    }

    public void exitedOnItsOwn(String name, int exitCode, Duration uptime) {
        if (closed || stoppedOnPurpose.contains(name)) {
            return;
        }
        int row = crashesInARow.merge(name, 1, (before, one) -> backoff.crashesInARow(before, uptime));
        Duration delay = backoff.delay(row);
        progress.info("[" + name + "] exited unexpectedly (exit code " + exitCode + ") after " + uptime.toSeconds()
                + " s; restarting in " + delay.toSeconds() + " s (crash " + row + " in a row). Its log: "
                + logs.resolve(name + ".log"));
        schedule(name, delay);
    }

    private void schedule(String name, Duration delay) {
        int epoch = purposeful.getOrDefault(name, 0);
        try {
            pending.put(name, restarts.schedule(() -> restart(name, epoch), delay.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException e) {
            // the platform is stopping
        }
    }

    private void restart(String name, int epoch) {
        pending.remove(name);
        if (overtaken(name, epoch)) {
            return;
        }
        try {
            start.accept(name);
        } catch (RuntimeException e) {
            if (overtaken(name, epoch)) { // stopped or started on purpose meanwhile: theirs, not ours
                return;
            }
            stop.accept(name); // a start that timed out may have left its process behind
            int row = crashesInARow.merge(name, 1, Integer::sum);
            Duration delay = backoff.delay(row);
            progress.info("[" + name + "] restart failed; next attempt in " + delay.toSeconds() + " s.");
            schedule(name, delay);
        }
    }

    private boolean overtaken(String name, int epoch) {
        return closed || stoppedOnPurpose.contains(name) || purposeful.getOrDefault(name, 0) != epoch;
    }

    private void cancelPending(String name) {
        ScheduledFuture<?> restart = pending.remove(name);
        if (restart != null) {
            restart.cancel(false);
        }
    }

    @Override
    public void close() {
        closed = true;
        restarts.shutdownNow();
    }
}
