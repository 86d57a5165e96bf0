package ch.ontrack.launcher;

import ch.ontrack.launcher.cli.ControlSocket;
import ch.ontrack.launcher.cli.StateFile;
import ch.ontrack.launcher.component.Component;
import ch.ontrack.launcher.component.LaunchException;
import ch.ontrack.launcher.component.Progress;
import ch.ontrack.launcher.demo.DemoData;
import ch.ontrack.launcher.mail.MailCatcher;
import ch.ontrack.launcher.pki.LocalCa;
import ch.ontrack.launcher.processes.Backoff;
import ch.ontrack.launcher.processes.Prometheus;
import ch.ontrack.launcher.processes.S3Server;
import ch.ontrack.launcher.processes.Supervisor;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import ch.ontrack.launcher.topology.Preflight;
import ch.ontrack.launcher.topology.Secrets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform on this machine: two PostgreSQL servers, both backends, the gateway and the
 * mail catcher. {@link #start} is what {@code ./platform up} runs.
 */
public final class LocalPlatform implements AutoCloseable {

    private final LaunchOptions options;
    private final LocalCa ca;
    private final Progress progress = new Progress(System.out);
    private final Map<String, Component> components;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread t = new Thread(runnable, "platform");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    private volatile boolean aborting;
    private final Supervisor supervisor;
    private ControlSocket control;
    // Ctrl-C or the end of a test JVM, also in the middle of the start: nothing is left behind
    private final Thread shutdownHook = new Thread(this::close, "platform-stop");

    private LocalPlatform(LaunchOptions options) {
        this.options = options;
        this.ca = LocalCa.loadOrCreate(options.dataDir().resolve("ca"));
        this.components = Components.create(options, Secrets.loadOrCreate(options.dataDir()), ca);
        this.supervisor =
                new Supervisor(Backoff.DEFAULT, progress, options.dataDir().resolve("logs"), this::startOne, name -> {
                    component(name).stop();
                    writeState();
                });
        components.values().forEach(c -> c.onUnexpectedExit(supervisor::exitedOnItsOwn));
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts everything and returns when all is ready; on failure stops what started and throws. */
    public static LocalPlatform start(LaunchOptions options) {
        Preflight.check(options);
        options.fileStore().remember(options.dataDir());
        LocalPlatform platform = new LocalPlatform(
                Prometheus.resolve(options, Prometheus.binary(System.getenv("PATH")), System.out::println));
        try {
            platform.startAll();
            if (options.demoData()) {
                DemoData.ensure(
                        options.dataDir(),
                        URI.create("http://127.0.0.1:" + platform.port(LocalTopology.PROVIDER_BACKEND, "server")),
                        platform::awaitMailedToken);
            }
            platform.openControlSocket();
            platform.writeState();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() {
        CompletableFuture<Void> failure = new CompletableFuture<>();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
        for (String name : Components.START_ORDER) {
            if (!components.containsKey(name)) {
                continue;
            }
            CompletableFuture<Void> after =
                    CompletableFuture.allOf(Components.DEPENDS_ON.getOrDefault(name, List.of()).stream()
                            .filter(started::containsKey)
                            .map(started::get)
                            .toArray(CompletableFuture[]::new));
            CompletableFuture<Void> future = after.thenRunAsync(() -> startOne(name), executor);
            future.whenComplete((v, e) -> {
                if (e != null) {
                    failure.completeExceptionally(e);
                }
            });
            started.put(name, future);
            all.add(future);
        }
        try {
            CompletableFuture.anyOf(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)), failure)
                    .join();
        } catch (CompletionException e) {
            aborting = true;
            components.values().forEach(Component::stop); // aborts starts still running
            awaitQuietly(all);
            throw e.getCause() instanceof LaunchException le
                    ? le
                    : new LaunchException(String.valueOf(e.getCause()), e);
        }
    }

    private void startOne(String name) {
        Component component = components.get(name);
        if (closed) {
            throw new LaunchException(name + " was not started: the platform is stopping.");
        }
        long t0 = System.nanoTime();
        progress.starting(name);
        try {
            component.start();
        } catch (Exception e) {
            if (closed || aborting) {
                throw new LaunchException(name + " was stopped.");
            }
            String reason = e instanceof LaunchException ? e.getMessage() : String.valueOf(e.getMessage());
            progress.failed(name, reason, component.lastLogLines());
            throw new LaunchException(
                    name + " failed to start: " + reason + " Its log: "
                            + options.dataDir().resolve("logs").resolve(name + ".log"),
                    e);
        }
        progress.ready(name, t0);
        writeState(); // status and down work from another terminal while the rest starts
    }

    public URI providerUrl() {
        return options.siteUrl("provider");
    }

    public URI clientUrl() {
        return options.siteUrl("client");
    }

    public URI mailUrl() {
        return options.siteUrl("mail");
    }

    /**
     * The token of the newest link to {@code path} (e.g. {@code /verify-email}) mailed to {@code recipient}, read
     * from the mail catcher: the account mails carry it in the link's fragment. Waits up to {@code patience}.
     */
    public String awaitMailedToken(String recipient, String path, Duration patience) {
        MailCatcher mail = (MailCatcher) components.get(LocalTopology.MAIL);
        java.util.regex.Pattern link =
                java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(path) + "#([A-Za-z0-9_-]+)");
        long deadline = System.nanoTime() + patience.toNanos();
        do {
            for (MailCatcher.Message message : mail.messages()) {
                java.util.regex.Matcher m = link.matcher(message.body());
                if (message.to().contains(recipient) && m.find()) {
                    return m.group(1);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("Interrupted while waiting for a mail to " + recipient, e);
            }
        } while (System.nanoTime() < deadline);
        throw new LaunchException("No mail with a " + path + " link reached " + recipient + " within " + patience);
    }

    public Path caCertificate() {
        return ca.certificateFile();
    }

    /** Prometheus's address when it runs ({@code --monitoring} and installed). */
    public java.util.Optional<URI> prometheusUrl() {
        return components.containsKey(Prometheus.NAME)
                ? java.util.Optional.of(Prometheus.url(options))
                : java.util.Optional.empty();
    }

    public LaunchOptions options() {
        return options;
    }

    public int port(String component, String portName) {
        return options.port(component, portName);
    }

    /** Stops one component, for example "client-backend", leaving the rest running; not restarted. */
    public void stopComponent(String name) {
        Component component = component(name);
        supervisor.stoppedOnPurpose(name);
        component.stop();
        writeState();
    }

    /** Starts a stopped component again and returns when it is ready. */
    public void startComponent(String name) {
        component(name);
        supervisor.startedOnPurpose(name);
        startOne(name);
    }

    /** Stops one component and starts it again: what {@code ./platform restart <component>} runs. */
    public void restartComponent(String name) {
        component(name);
        progress.info("[" + name + "] restarting…");
        stopComponent(name);
        startComponent(name);
    }

    private void openControlSocket() {
        try {
            control = ControlSocket.open(options.dataDir(), this::restartComponent);
        } catch (java.io.IOException | RuntimeException e) {
            progress.info(
                    "./platform restart is not available (" + e.getMessage() + "); ./platform down and up still work.");
        }
    }

    /** For {@code status} and {@code down} from another terminal. */
    private void writeState() {
        StateFile.write(
                options.dataDir(),
                new StateFile.Running(
                        providerUrl(), clientUrl(), mailUrl(), prometheusUrl(), options.ports(), processes()));
    }

    /** Every operating-system process the platform runs, by component. */
    public Map<String, List<Long>> processes() {
        Map<String, List<Long>> pids = new LinkedHashMap<>();
        components.forEach((name, c) -> pids.put(name, c.pids()));
        return pids;
    }

    /** Every port the platform listens on. */
    public List<Integer> ports() {
        return List.copyOf(options.ports().values());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        supervisor.close();
        if (control != null) {
            control.close();
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook may run too, close() is idempotent
            }
        }
        List<List<String>> waves = List.of(
                List.of(LocalTopology.GATEWAY, Prometheus.NAME),
                LocalTopology.BACKENDS,
                List.of(LocalTopology.PROVIDER_DB, LocalTopology.CLIENT_DB, S3Server.NAME),
                List.of(LocalTopology.MAIL));
        for (List<String> wave : waves) {
            awaitQuietly(wave.stream()
                    .filter(components::containsKey)
                    .map(name -> CompletableFuture.runAsync(components.get(name)::stop, executor))
                    .toList());
        }
        executor.shutdownNow();
        StateFile.delete(options.dataDir());
    }

    Component component(String name) {
        Component c = components.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no component " + name + "; known: " + components.keySet());
        }
        return c;
    }

    private static void awaitQuietly(List<CompletableFuture<Void>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            // each failure was reported where it happened
        }
    }
}
