package ch.ontrack.e2e.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.launcher.topology.LocalTopology;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The local platform as an operator meets it: a backend that is down answers problem+json through
 * the gateway, a crashed backend comes back on its own, one stopped on purpose does not, and
 * {@code ./platform restart} restarts one component of the running platform.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalSupervisionIT {

    private static final Duration BACK_WITHIN = Duration.ofSeconds(300);

    @Test
    @Order(1)
    void aBackendStoppedOnPurposeAnswers503ProblemJsonAndStaysStopped() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        platform.stopComponent(LocalTopology.CLIENT_BACKEND);
        try {
            HttpResponse<String> r = get(platform.clientUrl() + "/api/shares/unknown-token");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.body()).contains("client-backend is not running");
            Thread.sleep(3000); // longer than the first restart delay: a supervisor would have acted by now
            assertThat(platform.processes().get(LocalTopology.CLIENT_BACKEND)).isEmpty();
        } finally {
            platform.startComponent(LocalTopology.CLIENT_BACKEND);
        }
        assertThat(get(platform.clientUrl() + "/api/shares/unknown-token").statusCode())
                .isLessThan(500);
    }

    @Test
    @Order(2)
    void aBackendThatCrashesIsRestartedByTheLauncher() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        long crashed = platform.processes().get(LocalTopology.PROVIDER_BACKEND).get(0);
        ProcessHandle.of(crashed).orElseThrow().destroyForcibly(); // kill -9, as the OOM killer does
        awaitNewProcessAnswering(
                platform, LocalTopology.PROVIDER_BACKEND, crashed, platform.providerUrl() + "/api/documents");
    }

    @Test
    @Order(3)
    void platformRestartRestartsOneComponentOfTheRunningPlatform() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        Path script = platform.options().repoRoot().resolve("platform");
        Path classpath = platform.options().repoRoot().resolve("local/launcher/target/classpath.txt");
        assumeTrue(Files.isRegularFile(classpath), "the launcher is not packaged (no " + classpath + "): skipped");
        long before = platform.processes().get(LocalTopology.CLIENT_BACKEND).get(0);

        ProcessBuilder command = new ProcessBuilder("bash", script.toString(), "restart", LocalTopology.CLIENT_BACKEND)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        command.environment().put("LOCAL_DATA_DIR", platform.options().dataDir().toString());
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process cli = command.start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(BACK_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(output).isZero();
        assertThat(output).contains("client-backend restarted in");

        List<Long> after = platform.processes().get(LocalTopology.CLIENT_BACKEND);
        assertThat(after).isNotEmpty().doesNotContain(before);
        assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        assertThat(get(platform.clientUrl() + "/api/shares/unknown-token").statusCode())
                .isLessThan(500);
    }

    @Test
    @Order(4)
    void platformRestartOfAnUnknownComponentIsASentenceAndAnError() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        Path classpath = platform.options().repoRoot().resolve("local/launcher/target/classpath.txt");
        assumeTrue(Files.isRegularFile(classpath), "the launcher is not packaged (no " + classpath + "): skipped");
        ProcessBuilder command = new ProcessBuilder(
                        "bash",
                        platform.options().repoRoot().resolve("platform").toString(),
                        "restart",
                        "database")
                .redirectErrorStream(true);
        command.environment().put("LOCAL_DATA_DIR", platform.options().dataDir().toString());
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process cli = command.start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).isEqualTo(1);
        assertThat(output).contains("no component database; known:").doesNotContain("Exception");
    }

    private static void awaitNewProcessAnswering(LocalPlatform platform, String component, long old, String url)
            throws Exception {
        long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            List<Long> pids = platform.processes().get(component);
            if (!pids.isEmpty() && !pids.contains(old)) {
                status = get(url).statusCode();
                if (status < 500) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError(component + " did not come back within " + BACK_WITHIN + " (last status " + status
                + ", processes " + platform.processes().get(component) + ")");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        HttpClient http = SharedPlatform.httpClient();
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
