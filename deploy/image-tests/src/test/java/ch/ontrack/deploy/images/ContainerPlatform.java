package ch.ontrack.deploy.images;

import ch.ontrack.deploy.ChartPods;
import ch.ontrack.launcher.gateway.ContainerGateway;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The four images running as the chart renders them, on one podman network: the backends reach a real PostgreSQL 17
 * on this machine (the chart's external database mode), the provider reaches the client backend's internal port by
 * its Service name, and the local gateway's routes run in front at https://provider.localhost and
 * https://client.localhost.
 */
final class ContainerPlatform implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final String network;
    private final String subnet;
    private final Map<String, Pod> pods = new LinkedHashMap<>();
    private EmbeddedPostgres postgres;
    private Map<String, Map<String, String>> secrets = Map.of();
    /** From podman run to the readiness probe's first success (to within a probe period), by app. */
    final Map<String, Duration> readyAfter = new java.util.concurrent.ConcurrentHashMap<>();

    private ContainerGateway gateway;

    private ContainerPlatform(Path dir, String network, String subnet) {
        this.dir = dir;
        this.network = network;
        this.subnet = subnet;
    }

    /** Everything, ready; {@code adjust} may change a plan (a planted defect's image, faster probes). */
    static ContainerPlatform start(UnaryOperator<ContainerPlan> adjust) {
        ContainerPlatform platform = create();
        try {
            platform.startAll(adjust);
            return platform;
        } catch (RuntimeException | Error e) {
            platform.close();
            throw e;
        }
    }

    static ContainerPlatform create() {
        try {
            Path dir = Files.createTempDirectory("oc-images-");
            int n = 100 + RANDOM.nextInt(150);
            String network = "oc-images-" + n + "-" + ProcessHandle.current().pid();
            String subnet = "10.89." + n;
            Podman.check("network", "create", "--subnet", subnet + ".0/24", network);
            return new ContainerPlatform(dir, network, subnet);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String address(String app) {
        return subnet + "." + (10 + Images.APPS.indexOf(app));
    }

    private String gatewayAddress() {
        return subnet + ".1";
    }

    private void startAll(UnaryOperator<ContainerPlan> adjust) {
        secrets = startDatabase();
        Map<String, Long> started = new LinkedHashMap<>();
        for (String app : Images.APPS) {
            started.put(app, System.nanoTime());
            startContainer(app, adjust.apply(freshPlan(app)));
        }
        // the kubelet probes each container on its own: wait for all at once
        List<java.util.concurrent.CompletableFuture<Void>> ready = new ArrayList<>();
        pods.forEach((app, pod) -> ready.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
            pod.awaitReady();
            readyAfter.put(app, Duration.ofNanos(System.nanoTime() - started.get(app)));
        })));
        try {
            java.util.concurrent.CompletableFuture.allOf(ready.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // an AssertionError naming the container and the cause
            }
            throw new IllegalStateException(e.getCause().getMessage(), e);
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        pods.forEach((app, pod) -> ports.put(app, pod.publishedPort(Images.isBackend(app) ? "api" : "http")));
        try {
            gateway = ContainerGateway.start(dir.resolve("ca"), ports);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A new pod of an app: its image, the chart's spec, new emptyDir volumes. */
    ContainerPlan freshPlan(String app) {
        return Plans.plan(app, secrets, dir.resolve("volumes")).withImage(Images.image(app));
    }

    /** Runs a container of a plan (again) at its app's address. */
    Pod startContainer(String app, ContainerPlan plan) {
        Pod old = pods.remove(app);
        if (old != null) {
            // a new pod behind the same Service: the gateway keeps its target, so the new container gets the same port
            Map<String, Integer> hostPorts = new LinkedHashMap<>();
            old.plan()
                    .ports()
                    .forEach((name, port) -> hostPorts.put("--publish=127.0.0.1::" + port, old.publishedPort(name)));
            old.close();
            plan = plan.withRunArgs(plan.runArgs().stream()
                    .map(a -> hostPorts.containsKey(a)
                            ? a.replace("127.0.0.1::", "127.0.0.1:" + hostPorts.get(a) + ":")
                            : a)
                    .toList());
        }
        // the Service name of the client backend, as the provider's CLIENT_INTERNAL_URL names it
        Map<String, String> hosts = Map.of("client-backend.oc-client.svc", address("client-backend"));
        Pod pod = Pod.run(plan, network + "-" + app, network, address(app), hosts);
        pods.put(app, pod);
        return pod;
    }

    Pod pod(String app) {
        return pods.get(app);
    }

    List<Pod> pods() {
        return new ArrayList<>(pods.values());
    }

    URI siteUrl(String site) {
        return gateway.siteUrl(site);
    }

    Path caCertificate() {
        return gateway.caCertificate();
    }

    /** PostgreSQL 17 on this machine, reachable from the podman network, and the Secrets the chart expects. */
    private Map<String, Map<String, String>> startDatabase() {
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("postgres"))
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "*")
                    .start();
            Files.writeString(
                    dir.resolve("postgres/pg_hba.conf"),
                    "host all all " + subnet + ".0/24 scram-sha-256\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("select pg_reload_conf()");
                for (String site : List.of("provider", "client")) {
                    String password = token(24);
                    s.execute("create role " + site + " login password '" + password + "'");
                    s.execute("create database " + site + " owner " + site);
                    secrets.put(
                            ChartPods.databaseSecret(site),
                            Map.of(
                                    "host",
                                    gatewayAddress(),
                                    "port",
                                    Integer.toString(port),
                                    "dbname",
                                    site,
                                    "username",
                                    site,
                                    "password",
                                    password));
                }
            }
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            byte[] fileKey = new byte[32];
            RANDOM.nextBytes(fileKey);
            secrets.put(
                    ChartPods.APP_SECRET,
                    Map.of(
                            "INTERNAL_API_SECRET",
                            token(36),
                            "ACCESS_CODE_ENCRYPTION_KEY",
                            Base64.getEncoder().encodeToString(key),
                            "FILE_ENCRYPTION_KEYS",
                            "k1:" + Base64.getEncoder().encodeToString(fileKey),
                            "SMTP_USERNAME",
                            "",
                            "SMTP_PASSWORD",
                            ""));
            return secrets;
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL for the containers did not start: " + e.getMessage(), e);
        }
    }

    private static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public void close() {
        if (gateway != null) {
            try {
                gateway.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }
        pods.values().forEach(Pod::close);
        Podman.run(List.of("network", "rm", "--force", network), Map.of(), 120, null);
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // the data directory is deleted below
            }
        }
        Pod.deleteQuietly(dir.toString());
    }
}
