package ch.ontrack.launcher.processes;

import ch.ontrack.launcher.component.Component;
import ch.ontrack.launcher.component.LaunchException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * A backend as its own JVM: {@code java -jar apps/<name>/target/<name>.jar}, configured only
 * through the environment the launcher gives it, ready when its readiness probe answers 200. The
 * command is computed at each start (see {@link ClassDataSharing}).
 */
public final class BackendProcess implements Component {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final int TAIL = 40;

    private final String name;
    private final Supplier<List<String>> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path logFile;
    private final URI readiness;
    private final IntPredicate ready;
    private final PrintStream console;
    private final Deque<String> tail = new ArrayDeque<>();
    private Process process;
    private boolean stopRequested;
    private ExitListener exitListener = (component, code, uptime) -> {};

    public BackendProcess(
            String name,
            Supplier<List<String>> command,
            Map<String, String> environment,
            Path workDir,
            Path logFile,
            int managementPort,
            PrintStream console) {
        this(
                name,
                command,
                environment,
                workDir,
                logFile,
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"),
                console);
    }

    /** Any process that is ready when {@code readiness} answers 200 (Prometheus: {@code /-/ready}). */
    BackendProcess(
            String name,
            Supplier<List<String>> command,
            Map<String, String> environment,
            Path workDir,
            Path logFile,
            URI readiness,
            PrintStream console) {
        this(name, command, environment, workDir, logFile, readiness, status -> status == 200, console);
    }

    /** Any process that is ready when {@code readiness} answers with a status that {@code ready} accepts. */
    BackendProcess(
            String name,
            Supplier<List<String>> command,
            Map<String, String> environment,
            Path workDir,
            Path logFile,
            URI readiness,
            IntPredicate ready,
            PrintStream console) {
        this.ready = ready;
        this.name = name;
        this.command = command;
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.logFile = logFile;
        this.readiness = readiness;
        this.console = console;
    }

    private final ReentrantLock starting = new ReentrantLock();

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() throws Exception {
        // one start at a time: a supervised restart and a start on purpose must not run two processes
        starting.lock();
        try {
            synchronized (this) {
                stopRequested = false;
                if (process != null && process.isAlive()) { // started meanwhile by the other caller, and ready
                    return;
                }
            }
            startProcess();
        } finally {
            starting.unlock();
        }
    }

    private void startProcess() throws Exception {
        Files.createDirectories(workDir);
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder =
                new ProcessBuilder(command.get()).directory(workDir.toFile()).redirectErrorStream(true);
        // nothing inherited: the launcher is the backend's only source of configuration
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process started;
        synchronized (this) {
            if (stopRequested) { // stopped while preparing the start
                throw new LaunchException(name + " was stopped while starting.");
            }
            tail.clear();
            started = builder.start();
            process = started;
        }
        Thread pump = new Thread(() -> pump(started), name + "-log");
        pump.setDaemon(true);
        pump.start();
        awaitReady(started);
        long readyAt = System.nanoTime();
        started.onExit().thenAccept(p -> exitedOnItsOwn(p, readyAt));
    }

    @Override
    public synchronized void onUnexpectedExit(ExitListener listener) {
        exitListener = listener;
    }

    private void exitedOnItsOwn(Process exited, long readyAt) {
        ExitListener listener;
        synchronized (this) {
            if (process != exited) { // stopped on purpose (stop() forgets it first) or already replaced
                return;
            }
            process = null;
            listener = exitListener;
        }
        listener.exited(name, exited.exitValue(), Duration.ofNanos(System.nanoTime() - readyAt));
    }

    private void awaitReady(Process started) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe =
                HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                started.waitFor(2, TimeUnit.SECONDS);
                throw new LaunchException(name + " stopped during start-up (exit code " + started.exitValue() + ").");
            }
            try {
                if (ready.test(
                        http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode())) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(150);
        }
        throw new LaunchException(
                name + " was not ready after " + READY_TIMEOUT.toSeconds() + " s (" + readiness + ").");
    }

    private void pump(Process p) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                Writer log = Files.newBufferedWriter(
                        logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                synchronized (this) {
                    tail.addLast(line);
                    if (tail.size() > TAIL) {
                        tail.removeFirst();
                    }
                }
                if (console != null) {
                    console.println("[" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    @Override
    public void stop() {
        Process p;
        synchronized (this) {
            stopRequested = true;
            p = process;
            process = null;
        }
        if (p == null) {
            return;
        }
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy(); // SIGTERM: Spring Boot shuts down gracefully
        try {
            // generous: a first run writes its class-data archive on the way out
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public synchronized List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        if (process != null && process.isAlive()) {
            pids.add(process.pid());
            process.descendants().forEach(d -> pids.add(d.pid()));
        }
        return pids;
    }

    @Override
    public synchronized List<String> lastLogLines() {
        return List.copyOf(tail);
    }
}
