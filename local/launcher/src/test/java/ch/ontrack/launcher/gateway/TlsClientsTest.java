package ch.ontrack.launcher.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real TLS clients of other implementations against the gateway: Go (Debian's hey), curl and
 * OpenSSL. Each is skipped with a message when its tool is not installed (.ci/run installs them).
 */
class TlsClientsTest extends WithTestGateway {

    @Test
    void goClientHeyConnects() throws Exception {
        requireTool("hey", "the Go TLS client check needs hey (apt-get install hey)");
        // Go does not resolve *.localhost: the address, with the site in the Host header; hey sends that
        // header's value, port included, as the TLS server name, as it does for https://provider.localhost:8443/
        Run run = run(
                "hey",
                "-n",
                "4",
                "-c",
                "2",
                "-host",
                "provider.localhost:" + gateway.httpsPort(),
                "https://127.0.0.1:" + gateway.httpsPort() + "/");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("[200]\t4 responses").doesNotContain("Error distribution");
    }

    @Test
    void curlConnectsAndVerifiesTheCertificate() throws Exception {
        requireTool("curl", "the curl check needs curl");
        for (String site : List.of("provider", "client", "mail")) {
            String host = site + ".localhost";
            Run run = run(
                    "curl",
                    "-sS",
                    "-o",
                    "/dev/null",
                    "-w",
                    "%{http_code} %{ssl_verify_result}",
                    "--cacert",
                    gateway.ca().certificateFile().toString(),
                    "--resolve",
                    host + ":" + gateway.httpsPort() + ":127.0.0.1",
                    "https://" + host + ":" + gateway.httpsPort() + "/");
            assertThat(run.output()).as(host).isEqualTo("200 0");
        }
    }

    @Test
    void openSslConnectsAndVerifiesTheCertificate() throws Exception {
        requireTool("openssl", "the OpenSSL check needs openssl");
        for (String version : List.of("-tls1_2", "-tls1_3")) {
            Run run = run(
                    "openssl",
                    "s_client",
                    version,
                    "-brief",
                    "-verify_return_error",
                    "-CAfile",
                    gateway.ca().certificateFile().toString(),
                    "-servername",
                    "client.localhost",
                    "-verify_hostname",
                    "client.localhost",
                    "-connect",
                    "127.0.0.1:" + gateway.httpsPort());
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("Verification: OK");
        }
    }

    private static void requireTool(String tool, String reason) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            found |= Files.isExecutable(Path.of(dir, tool));
        }
        assumeTrue(found, tool + " is not installed: skipped (" + reason + ")");
    }

    private record Run(int exitCode, String output) {}

    private static Run run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Run(p.exitValue(), output.trim());
    }
}
