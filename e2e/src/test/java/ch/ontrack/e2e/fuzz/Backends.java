package ch.ontrack.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.launcher.topology.LocalTopology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The backends' processes and health, to prove that hostile requests crashed or restarted nothing. */
public final class Backends {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Backends() {}

    /** The process ids of each backend now. */
    public static Map<String, List<Long>> pids(LocalPlatform platform) {
        Map<String, List<Long>> pids = new LinkedHashMap<>();
        for (String backend : LocalTopology.BACKENDS) {
            pids.put(backend, List.copyOf(platform.processes().get(backend)));
        }
        return pids;
    }

    /** The same processes as {@code before} still run, and each backend's health is UP. */
    public static void assertSurvived(LocalPlatform platform, Map<String, List<Long>> before) {
        assertThat(pids(platform)).as("the backends' processes").isEqualTo(before);
        before.forEach((backend, pids) -> assertThat(pids)
                .as(backend + " process alive")
                .isNotEmpty()
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                        .hasValue(true)));
        for (String backend : LocalTopology.BACKENDS) {
            assertHealthy(platform, backend);
        }
    }

    /** The backend's health endpoint answers UP (within a few seconds, for a backend under load). */
    public static void assertHealthy(LocalPlatform platform, String backend) {
        URI health = URI.create("http://127.0.0.1:" + platform.port(backend, "management") + "/actuator/health");
        String last = "";
        for (int i = 0; i < 20; i++) {
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
                Thread.sleep(500);
            } catch (Exception e) {
                last = e.toString();
            }
        }
        throw new AssertionError(backend + " is not healthy: " + last);
    }

    /** Whether every process of every backend still runs. */
    public static boolean alive(Map<String, List<Long>> pids) {
        return pids.values().stream()
                .flatMap(List::stream)
                .allMatch(
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
}
