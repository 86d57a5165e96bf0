package ch.ontrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The add-on and kind scripts: shellcheck-clean, every add-on pinned to the agreed version. */
class ScriptsTest {

    private static final Path INSTALL = Charts.DEPLOY.resolve("bootstrap/install.sh");
    private static final Path KIND = Charts.DEPLOY.resolve("kind/up.sh");
    private static final Path FETCH_CRDS = Charts.DEPLOY.resolve("bootstrap/fetch-crds.sh");

    @Test
    void scriptsAreShellcheckClean() throws IOException, InterruptedException {
        Path shellcheck = Path.of("/usr/bin/shellcheck");
        assumeTrue(Files.isExecutable(shellcheck), "shellcheck is not installed (.ci/run installs it)");
        Process process = new ProcessBuilder(
                        shellcheck.toString(),
                        "--external-sources",
                        INSTALL.toString(),
                        KIND.toString(),
                        FETCH_CRDS.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void addOnsArePinnedToTheAgreedVersions() {
        Map<String, String> versions = CompatibilityTest.versions(CompatibilityTest.VERSIONS);

        assertThat(versions)
                .containsAllEntriesOf(Map.of(
                        "GATEWAY_API_VERSION", "v1.6.1",
                        "ENVOY_GATEWAY_VERSION", "v1.9.0",
                        "CERT_MANAGER_VERSION", "v1.21.1",
                        "CNPG_OPERATOR_VERSION", "1.30.0",
                        "PROMETHEUS_OPERATOR_VERSION", "v0.93.0",
                        "KUBE_PROMETHEUS_STACK_CHART_VERSION", "88.3.0",
                        "LOKI_CHART_VERSION", "18.11.0",
                        "ALLOY_CHART_VERSION", "1.11.1"));
    }

    @Test
    void everyRemoteChartIsInstalledWithAPinnedVersion() throws IOException {
        String script = Files.readString(INSTALL).replace("\\\n", " ");
        List<String> remoteCharts = script.lines()
                .filter(line -> line.matches("\\s*helm (upgrade --install|template) .*"))
                .filter(line -> !line.contains("$deploy/charts"))
                .toList();

        assertThat(remoteCharts)
                .hasSize(8)
                .allSatisfy(command -> assertThat(command).containsPattern("--version \"\\$[A-Z_]+_VERSION\""));
        assertThat(script).doesNotContain("latest");
        assertThat(Files.readString(KIND)).doesNotContain(":latest");
    }
}
