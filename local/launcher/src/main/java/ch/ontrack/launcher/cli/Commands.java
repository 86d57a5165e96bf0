package ch.ontrack.launcher.cli;

import ch.ontrack.launcher.component.LaunchException;
import ch.ontrack.launcher.processes.Prometheus;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import ch.ontrack.launcher.topology.PortSpec;
import ch.ontrack.launcher.topology.Preflight;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * status, down, restart and reset: they work from another terminal, through the state file and the
 * launcher's {@link ControlSocket}.
 */
public final class Commands {

    private Commands() {}

    public static void refuseIfRunning(LaunchOptions options) {
        runningLauncher(options).ifPresent(pid -> {
            throw new LaunchException(
                    "The platform is already running (launcher pid " + pid + "). Stop it with: ./platform down");
        });
    }

    public static boolean status(LaunchOptions options) {
        Optional<Properties> state = StateFile.read(options.dataDir());
        Optional<Long> launcher = runningLauncher(options);
        if (state.isEmpty() || launcher.isEmpty()) {
            System.out.println("The platform is not running.");
            return false;
        }
        Properties p = state.get();
        System.out.println("Running since " + p.getProperty("started") + " (launcher pid " + launcher.get() + ").");
        for (PortSpec spec : LocalTopology.PORTS) {
            if (spec.component().equals(LocalTopology.OBJECT_STORE)
                    && p.getProperty("pids." + spec.component()) == null) {
                continue; // the files are in the databases: no S3 server runs
            }
            int port = Integer.parseInt(p.getProperty("port." + spec.key(), String.valueOf(spec.defaultPort())));
            String up = Preflight.isFree(port) ? "not listening" : "listening";
            System.out.printf("  %-17s %-11s %5d  %s%n", spec.component(), spec.name(), port, up);
        }
        System.out.println("  " + p.getProperty("url.provider") + "  " + p.getProperty("url.client") + "  "
                + p.getProperty("url.mail"));
        if (p.getProperty("url.prometheus") != null) {
            System.out.println("  prometheus " + p.getProperty("url.prometheus"));
        }
        return true;
    }

    public static void down(LaunchOptions options) {
        Optional<Properties> state = StateFile.read(options.dataDir());
        Optional<Long> launcher = runningLauncher(options);
        if (launcher.isPresent()) {
            ProcessHandle handle = ProcessHandle.of(launcher.get()).orElseThrow();
            handle.destroy(); // SIGTERM: the launcher stops every component, then exits
            handle.onExit()
                    .orTimeout(120, TimeUnit.SECONDS)
                    .exceptionally(e -> handle)
                    .join();
        }
        // a launcher killed hard leaves its processes: stop those that are still ours
        List<Long> leftovers = state.map(StateFile::pids).orElse(List.of());
        for (long pid : leftovers) {
            ProcessHandle.of(pid).filter(Commands::isOurs).ifPresent(p -> {
                p.destroy();
                p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> p).join();
                p.destroyForcibly();
            });
        }
        StateFile.delete(options.dataDir());
        System.out.println(launcher.isPresent() || !leftovers.isEmpty() ? "Stopped." : "The platform was not running.");
    }

    /** Asks the running launcher to restart one component; false when it could not. */
    public static boolean restart(LaunchOptions options, String component) {
        if (runningLauncher(options).isEmpty()) {
            System.err.println("The platform is not running: start it with ./platform up.");
            return false;
        }
        System.out.println("Restarting " + component + "…");
        Optional<String> answer = ControlSocket.send(options.dataDir(), "restart " + component);
        if (answer.isEmpty()) {
            System.err.println("The running launcher does not answer on " + ControlSocket.path(options.dataDir())
                    + "; restart the whole platform with ./platform down and ./platform up.");
            return false;
        }
        String text = answer.get();
        boolean ok = text.startsWith("ok ");
        (ok ? System.out : System.err).println(text.substring(text.indexOf(' ') + 1) + (ok ? "." : ""));
        return ok;
    }

    public static void reset(LaunchOptions options, boolean confirmed) throws IOException {
        refuseIfRunning(options);
        Path dir = options.dataDir();
        if (!confirmed) {
            System.out.print("This deletes the local databases, logs and demo account in " + dir
                    + " (the local CA is kept). Type 'yes' to continue: ");
            System.out.flush();
            String answer = new BufferedReader(new InputStreamReader(System.in)).readLine();
            if (!"yes".equals(answer == null ? null : answer.trim())) {
                System.out.println("Nothing deleted.");
                return;
            }
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> children = Files.list(dir)) {
                for (Path child : children.filter(
                                c -> !c.getFileName().toString().equals("ca"))
                        .toList()) {
                    deleteTree(child);
                }
            }
        }
        System.out.println("Local data deleted; the next ./platform up starts fresh.");
    }

    static Optional<Long> runningLauncher(LaunchOptions options) {
        return StateFile.read(options.dataDir())
                .map(p -> p.getProperty("launcher.pid"))
                .map(Long::parseLong)
                .filter(pid -> pid != ProcessHandle.current().pid())
                .filter(pid -> ProcessHandle.of(pid).map(Commands::isOurs).orElse(false));
    }

    private static boolean isOurs(ProcessHandle p) {
        String command = p.info().command().orElse("");
        return p.isAlive()
                && (command.endsWith("/java")
                        || command.endsWith("/postgres")
                        || command.endsWith("/" + Prometheus.NAME));
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
