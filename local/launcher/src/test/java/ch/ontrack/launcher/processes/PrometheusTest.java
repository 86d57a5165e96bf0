package ch.ontrack.launcher.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.ontrack.launcher.component.LaunchException;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./platform up --monitoring} with the real {@code prometheus} binary (Debian package {@code prometheus};
 * skipped when it is not installed): both backends' management ports scraped, the rules of deploy/monitoring/rules
 * loaded, checked through Prometheus's own HTTP API. The backends are stand-ins serving /actuator/prometheus.
 */
class PrometheusTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path repo;

    @TempDir
    Path data;

    private final List<HttpServer> backends = new ArrayList<>();
    private Prometheus prometheus;

    @AfterEach
    void stop() {
        if (prometheus != null) {
            prometheus.stop();
        }
        backends.forEach(b -> b.stop(0));
    }

    @Test
    void scrapesBothBackendsAndLoadsTheChartsRules() throws Exception {
        Path binary = installed();
        Path rules = Files.createDirectories(repo.resolve(PrometheusConfig.RULES_DIR));
        // as rendered from the chart: a PrometheusRule manifest, and a plain rule file next to it
        Files.writeString(rules.resolve("oc-platform.yaml"), """
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata:
          name: provider-backend
        spec:
          groups:
            - name: oc-provider-backend
              rules:
                - alert: ProviderBackendDown
                  expr: up{job="provider-backend"} == 0
                  for: 5m
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: not-rules
        """);
        Files.writeString(rules.resolve("extra.yml"), """
        groups:
          - name: oc-client-backend
            rules:
              - record: oc:client_up
                expr: up{job="client-backend"}
        """);
        LaunchOptions options = start(binary);

        JsonNode targets = awaitTargetsUp(options);
        Set<String> jobs = new TreeSet<>();
        targets.forEach(t -> jobs.add(t.path("labels").path("job").asString()));
        assertThat(jobs).containsExactly("client-backend", "provider-backend");
        targets.forEach(t -> assertThat(t.path("scrapeUrl").asString())
                .startsWith("http://127.0.0.1:")
                .endsWith("/actuator/prometheus"));

        Set<String> groups = new TreeSet<>();
        api(options, "/api/v1/rules")
                .path("data")
                .path("groups")
                .forEach(g -> groups.add(g.path("name").asString()));
        assertThat(groups).containsExactly("oc-client-backend", "oc-provider-backend");
        assertThat(Files.isDirectory(data.resolve("prometheus/data")))
                .as("its data in the platform's data dir")
                .isTrue();
    }

    @Test
    void withoutARulesDirectoryItStartsWithNoRules() throws Exception {
        LaunchOptions options = start(installed());

        assertThat(awaitTargetsUp(options)).hasSize(2);
        assertThat(api(options, "/api/v1/rules").path("data").path("groups")).isEmpty();
    }

    @Test
    void notInstalledTheOptionIsDroppedWithOneSentence() {
        List<String> said = new ArrayList<>();
        LaunchOptions options = LaunchOptions.forTests(repo, data).withMonitoring(true);

        LaunchOptions resolved = Prometheus.resolve(options, Optional.empty(), said::add);

        assertThat(resolved.monitoring()).isFalse();
        assertThat(said)
                .singleElement()
                .asString()
                .startsWith("Prometheus is not installed")
                .contains("apt-get install")
                .contains("prometheus");
    }

    @Test
    void aBusyConfiguredPortIsRefusedWithTheVariableToChangeIt() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            LaunchOptions options =
                    LaunchOptions.forTests(repo, data).withMonitoring(true).withPrometheusPort(busy.getLocalPort());

            assertThatThrownBy(() -> Prometheus.resolve(options, Optional.of(Path.of("/usr/bin/prometheus")), s -> {}))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageContaining("LOCAL_PROMETHEUS_PORT=<port>");
        }
    }

    @Test
    void theFlagTurnsItOnAndTheVariableChoosesItsPort() {
        LaunchOptions defaults = LaunchOptions.defaults(repo, Map.of());
        assertThat(defaults.monitoring()).isFalse();
        assertThat(defaults.withUpArguments(List.of("up")).monitoring()).isFalse();
        assertThat(defaults.withUpArguments(List.of("up", "--monitoring")).monitoring())
                .isTrue();
        assertThat(defaults.prometheusPort()).isZero();
        assertThat(LaunchOptions.defaults(repo, Map.of("LOCAL_PROMETHEUS_PORT", "9191"))
                        .prometheusPort())
                .isEqualTo(9191);
        assertThatThrownBy(() -> LaunchOptions.defaults(repo, Map.of("LOCAL_PROMETHEUS_PORT", "x")))
                .hasMessage("LOCAL_PROMETHEUS_PORT=x is not a port number (1-65535).");
    }

    private static Path installed() {
        Optional<Path> binary = Prometheus.binary(System.getenv("PATH"));
        assumeTrue(
                binary.isPresent(), "prometheus is not installed (apt-get install --no-install-recommends prometheus)");
        return binary.get();
    }

    private LaunchOptions start(Path binary) throws Exception {
        LaunchOptions options = Prometheus.resolve(
                LaunchOptions.forTests(repo, data).withMonitoring(true), Optional.of(binary), s -> {});
        for (String backend : LocalTopology.BACKENDS) {
            HttpServer server =
                    HttpServer.create(new InetSocketAddress("127.0.0.1", options.port(backend, "management")), 0);
            server.createContext("/actuator/prometheus", exchange -> {
                byte[] body = "# TYPE oc_test_up gauge\noc_test_up 1\n".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            backends.add(server);
        }
        prometheus = new Prometheus(options, binary);
        prometheus.start();
        return options;
    }

    /** Prometheus scrapes each target within its first interval (15 s): waits for both to be up. */
    private static JsonNode awaitTargetsUp(LaunchOptions options) throws Exception {
        JsonNode active = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            active = api(options, "/api/v1/targets").path("data").path("activeTargets");
            boolean allUp = active.size() == 2;
            for (JsonNode target : active) {
                allUp &= target.path("health").asString().equals("up");
            }
            if (allUp) {
                return active;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("targets not up: " + active);
    }

    private static JsonNode api(LaunchOptions options, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(Prometheus.url(options) + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
