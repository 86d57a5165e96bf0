package ch.ontrack.launcher.topology;

import ch.ontrack.launcher.component.LaunchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to start the local platform.
 *
 * @param repoRoot where {@code apps/*} live
 * @param dataDir databases, the local CA, logs and the state file ({@code .local/} for {@code up})
 * @param ports every port by {@code component.name}, see {@link LocalTopology#PORTS}
 * @param demoData create the demo account and a little data on first start
 * @param extraEnv per component, added to (and overriding) the topology's environment
 * @param jvmOptions per backend, added after the launcher's own JVM options
 * @param echoLogs copy every component's log to the console, prefixed with its name
 * @param durableDatabases PostgreSQL with fsync and synchronous commit on; off is faster and loses
 *     the last commits only if the machine itself crashes ({@code ./platform up --fast-db})
 * @param monitoring also run Prometheus, scraping both backends ({@code ./platform up --monitoring}),
 *     when its binary is installed
 * @param prometheusPort Prometheus's port on 127.0.0.1; 0: 9090 when free, else any free port
 * @param fileStore where both backends keep the files ({@code ./platform up --file-store postgres|s3})
 */
public record LaunchOptions(
        Path repoRoot,
        Path dataDir,
        Map<String, Integer> ports,
        boolean demoData,
        Map<String, Map<String, String>> extraEnv,
        Map<String, List<String>> jvmOptions,
        boolean echoLogs,
        boolean durableDatabases,
        boolean monitoring,
        int prometheusPort,
        FileStore fileStore) {

    /** Extra JVM options for both backends, after the launcher's own. */
    public static final String BACKEND_JVM_OPTIONS_VARIABLE = "LOCAL_BACKEND_JVM_OPTIONS";

    /** "true": the databases without fsync, as {@code ./platform up --fast-db}. */
    public static final String FAST_DB_VARIABLE = "LOCAL_FAST_DB";

    /** Prometheus's port with {@code --monitoring}; unset: 9090 when free, else any free port. */
    public static final String PROMETHEUS_PORT_VARIABLE = "LOCAL_PROMETHEUS_PORT";

    /**
     * Passed on to both backends when set where {@code ./platform up} runs, e.g.
     * {@code OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 ./platform up} sends their traces to a local collector.
     */
    public static final List<String> TRACING_VARIABLES =
            List.of("OTEL_EXPORTER_OTLP_ENDPOINT", "TRACING_SAMPLING_PROBABILITY");

    public LaunchOptions {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        ports = Map.copyOf(ports);
        extraEnv = Map.copyOf(extraEnv);
        jvmOptions = Map.copyOf(jvmOptions);
        for (PortSpec spec : LocalTopology.PORTS) {
            if (!ports.containsKey(spec.key())) {
                throw new IllegalArgumentException("no port for " + spec.key());
            }
        }
    }

    /**
     * What {@code ./platform up} uses: {@code .local/} (or {@code LOCAL_DATA_DIR}) and the default
     * ports, each overridable by its variable ({@code LOCAL_GATEWAY_HTTPS_PORT}, ...).
     */
    public static LaunchOptions defaults(Path repoRoot, Map<String, String> environment) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (PortSpec spec : LocalTopology.PORTS) {
            String override = environment.get(spec.overrideVariable());
            ports.put(spec.key(), override == null ? spec.defaultPort() : parsePort(spec, override));
        }
        String dataDir = environment.get("LOCAL_DATA_DIR");
        LaunchOptions options = new LaunchOptions(
                repoRoot,
                dataDir == null ? repoRoot.resolve(".local") : Path.of(dataDir),
                ports,
                true,
                Map.of(),
                Map.of(),
                true,
                !"true"
                        .equalsIgnoreCase(
                                environment.getOrDefault(FAST_DB_VARIABLE, "").trim()),
                false,
                environment.containsKey(PROMETHEUS_PORT_VARIABLE)
                        ? parsePort(PROMETHEUS_PORT_VARIABLE, environment.get(PROMETHEUS_PORT_VARIABLE))
                        : 0,
                FileStore.POSTGRES);
        // e.g. "-XX:TieredStopAtLevel=4": the production JVM's throughput instead of a quick start
        String jvm = environment.getOrDefault(BACKEND_JVM_OPTIONS_VARIABLE, "").trim();
        for (String backend : jvm.isEmpty() ? List.<String>of() : LocalTopology.BACKENDS) {
            options = options.withJvmOptions(backend, jvm.split("\\s+"));
        }
        for (String variable : TRACING_VARIABLES) {
            String value = environment.getOrDefault(variable, "").trim();
            for (String backend : value.isEmpty() ? List.<String>of() : LocalTopology.BACKENDS) {
                options = options.withEnv(backend, variable, value);
            }
        }
        return options;
    }

    /**
     * For tests: the given (temporary) data directory, a free port for everything, and databases
     * without fsync (their data does not outlive the test).
     */
    public static LaunchOptions forTests(Path repoRoot, Path dataDir) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<ServerSocket> held = new ArrayList<>();
        int prometheus;
        try {
            ServerSocket prometheusSocket = new ServerSocket(0);
            held.add(prometheusSocket);
            prometheus = prometheusSocket.getLocalPort();
            for (PortSpec spec : LocalTopology.PORTS) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports.put(spec.key(), socket.getLocalPort());
            }
            for (ServerSocket socket : held) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LaunchOptions(
                repoRoot,
                dataDir,
                ports,
                false,
                Map.of(),
                Map.of(),
                true,
                false,
                false,
                prometheus,
                FileStore.POSTGRES);
    }

    public int port(String component, String name) {
        Integer port = ports.get(component + "." + name);
        if (port == null) {
            throw new IllegalArgumentException("no port " + name + " for " + component);
        }
        return port;
    }

    public int httpsPort() {
        return port(LocalTopology.GATEWAY, "https");
    }

    public int httpPort() {
        return port(LocalTopology.GATEWAY, "http");
    }

    /** {@code https://<site>.localhost:<https port>} for "provider", "client" and "mail". */
    public URI siteUrl(String site) {
        return URI.create("https://" + site + ".localhost:" + httpsPort());
    }

    public LaunchOptions withDemoData(boolean demo) {
        return new LaunchOptions(
                repoRoot,
                dataDir,
                ports,
                demo,
                extraEnv,
                jvmOptions,
                echoLogs,
                durableDatabases,
                monitoring,
                prometheusPort,
                fileStore);
    }

    public LaunchOptions withDurableDatabases(boolean durable) {
        return new LaunchOptions(
                repoRoot,
                dataDir,
                ports,
                demoData,
                extraEnv,
                jvmOptions,
                echoLogs,
                durable,
                monitoring,
                prometheusPort,
                fileStore);
    }

    public LaunchOptions withEchoLogs(boolean echo) {
        return new LaunchOptions(
                repoRoot,
                dataDir,
                ports,
                demoData,
                extraEnv,
                jvmOptions,
                echo,
                durableDatabases,
                monitoring,
                prometheusPort,
                fileStore);
    }

    public LaunchOptions withMonitoring(boolean on) {
        return new LaunchOptions(
                repoRoot,
                dataDir,
                ports,
                demoData,
                extraEnv,
                jvmOptions,
                echoLogs,
                durableDatabases,
                on,
                prometheusPort,
                fileStore);
    }

    public LaunchOptions withPrometheusPort(int port) {
        return new LaunchOptions(
                repoRoot,
                dataDir,
                ports,
                demoData,
                extraEnv,
                jvmOptions,
                echoLogs,
                durableDatabases,
                monitoring,
                port,
                fileStore);
    }

    public LaunchOptions withFileStore(FileStore store) {
        return new LaunchOptions(
                repoRoot,
                dataDir,
                ports,
                demoData,
                extraEnv,
                jvmOptions,
                echoLogs,
                durableDatabases,
                monitoring,
                prometheusPort,
                store);
    }

    /**
     * {@code ./platform up}'s options: {@code --no-demo-data}, {@code --fast-db}, {@code --monitoring} and
     * {@code --file-store postgres|s3} (without it: the store the data directory was last started with).
     */
    public LaunchOptions withUpArguments(List<String> arguments) {
        int store = arguments.indexOf("--file-store");
        if (store >= 0 && store + 1 >= arguments.size()) {
            throw new LaunchException("--file-store needs a value: postgres or s3.");
        }
        return withDemoData(!arguments.contains("--no-demo-data"))
                .withDurableDatabases(durableDatabases && !arguments.contains("--fast-db"))
                .withMonitoring(monitoring || arguments.contains("--monitoring"))
                .withFileStore(
                        store >= 0
                                ? FileStore.parse(arguments.get(store + 1))
                                : FileStore.remembered(dataDir).orElse(fileStore));
    }

    public LaunchOptions withEnv(String component, String name, String value) {
        Map<String, Map<String, String>> env = new HashMap<>(extraEnv);
        Map<String, String> forComponent = new LinkedHashMap<>(env.getOrDefault(component, Map.of()));
        forComponent.put(name, value);
        env.put(component, Map.copyOf(forComponent));
        return new LaunchOptions(
                repoRoot,
                dataDir,
                ports,
                demoData,
                env,
                jvmOptions,
                echoLogs,
                durableDatabases,
                monitoring,
                prometheusPort,
                fileStore);
    }

    public LaunchOptions withJvmOptions(String component, String... options) {
        Map<String, List<String>> jvm = new HashMap<>(jvmOptions);
        List<String> forComponent = new ArrayList<>(jvm.getOrDefault(component, List.of()));
        forComponent.addAll(List.of(options));
        jvm.put(component, List.copyOf(forComponent));
        return new LaunchOptions(
                repoRoot,
                dataDir,
                ports,
                demoData,
                extraEnv,
                jvm,
                echoLogs,
                durableDatabases,
                monitoring,
                prometheusPort,
                fileStore);
    }

    private static int parsePort(PortSpec spec, String value) {
        return parsePort(spec.overrideVariable(), value);
    }

    private static int parsePort(String variable, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LaunchException(variable + "=" + value + " is not a port number (1-65535).");
    }
}
