package ch.ontrack.launcher.processes;

import ch.ontrack.launcher.component.LaunchException;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.Preflight;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code ./platform up --monitoring}: the {@code prometheus} binary installed on this machine (Debian
 * package {@code prometheus}), with a generated configuration that scrapes both backends' management
 * ports and loads the alerting rules of {@link PrometheusConfig#RULES_DIR}; its data under {@code
 * prometheus/} in the data directory, listening on 127.0.0.1 only.
 */
public final class Prometheus extends OneProcess {

    public static final String NAME = "prometheus";
    static final int DEFAULT_PORT = 9090;
    static final String NOT_INSTALLED = "Prometheus is not installed, so the platform starts without it:"
            + " install it with `sudo apt-get install --no-install-recommends prometheus` (Debian, Ubuntu), stop the"
            + " package's own service (`sudo systemctl disable --now prometheus`) and run ./platform up --monitoring again.";

    private final LaunchOptions options;
    private final BackendProcess process;

    public Prometheus(LaunchOptions options, Path binary) {
        this.options = options;
        Path home = home(options);
        this.process = new BackendProcess(
                NAME,
                () -> command(binary, options),
                Map.of("PATH", "/usr/bin:/bin"),
                home,
                options.dataDir().resolve("logs").resolve(NAME + ".log"),
                url(options).resolve("/-/ready"),
                null);
    }

    /** {@code options} with monitoring off when Prometheus is not installed, and its port chosen. */
    public static LaunchOptions resolve(LaunchOptions options, Optional<Path> binary, Consumer<String> say) {
        if (!options.monitoring()) {
            return options;
        }
        if (binary.isEmpty()) {
            say.accept(NOT_INSTALLED);
            return options.withMonitoring(false);
        }
        int port = options.prometheusPort();
        if (port == 0) {
            return options.withPrometheusPort(Preflight.isFree(DEFAULT_PORT) ? DEFAULT_PORT : anyFreePort());
        }
        if (!Preflight.isFree(port)) {
            throw new LaunchException(
                    "Port " + port + " (Prometheus) is already in use. Stop what uses it (the prometheus"
                            + " package's own service: sudo systemctl disable --now prometheus), or choose another port: "
                            + LaunchOptions.PROMETHEUS_PORT_VARIABLE + "=<port> ./platform up --monitoring");
        }
        return options;
    }

    /** The {@code prometheus} executable on {@code PATH}, if any. */
    public static Optional<Path> binary(String path) {
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, NAME);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    public static URI url(LaunchOptions options) {
        return URI.create("http://127.0.0.1:" + options.prometheusPort());
    }

    public static Path home(LaunchOptions options) {
        return options.dataDir().resolve(NAME);
    }

    static List<String> command(Path binary, LaunchOptions options) {
        Path config = PrometheusConfig.write(options, home(options));
        return List.of(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + home(options).resolve("data"),
                "--storage.tsdb.retention.time=7d",
                "--web.listen-address=127.0.0.1:" + options.prometheusPort(),
                "--web.external-url=" + url(options));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    BackendProcess process() {
        return process;
    }

    LaunchOptions options() {
        return options;
    }

    private static int anyFreePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
