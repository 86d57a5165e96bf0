package ch.ontrack.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTestCommandTest {

    record Run(int exit, String out, String err) {}

    @TempDir
    Path dir;

    private TestPki pki;
    private Path caFile;
    private FakePlatform platform;

    @BeforeEach
    void healthyPlatform() throws Exception {
        pki = new TestPki("Smoke Test CA");
        caFile = pki.writeCaPem(dir.resolve("ca.pem"));
        platform = new FakePlatform(pki.serverContext("localhost"));
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void passesAgainstAHealthyDeploymentAndDeletesItsThrowawayAccount() {
        Run run = smoke("--ca-file", caFile.toString());

        assertThat(run.out())
                .doesNotContain("FAIL", "skip")
                .contains(
                        "ok   provider site answers over verified TLS (localhost)",
                        "ok   client frontend loads",
                        "ok   provider internal and management paths closed",
                        "ok   downloaded file has the uploaded bytes",
                        "ok   provider sees VIEWED and DOWNLOADED",
                        "ok   throwaway account deleted");
        assertThat(run.exit()).isZero();
    }

    @Test
    void failsWithAClearMessageWhenAHostIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Run run = smoke("--ca-file", caFile.toString(), "--provider-url", "https://localhost:" + closedPort);

        assertThat(run.out())
                .contains("FAIL provider site answers over verified TLS (localhost): unreachable")
                .contains("skip provider-to-client flow");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void failsWhenTheCertificateComesFromAnUntrustedAuthority() throws Exception {
        Path untrusted = new TestPki("Some Other CA").writeCaPem(dir.resolve("other-ca.pem"));

        Run run = smoke("--ca-file", untrusted.toString());

        assertThat(run.out())
                .contains("FAIL provider site answers over verified TLS (localhost): certificate not trusted")
                .contains("FAIL client site answers over verified TLS (localhost): certificate not trusted");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(platform.provider.requests).isEmpty();
    }

    @Test
    void failsWhenTheCertificateNamesAnotherHost() throws Exception {
        try (FakePlatform wrongName = new FakePlatform(pki.serverContext("other.on-track.ch"))) {
            Run run = smoke(
                    "--ca-file",
                    caFile.toString(),
                    "--provider-url",
                    wrongName.providerUrl().toString(),
                    "--client-url",
                    wrongName.clientUrl().toString());

            assertThat(run.out())
                    .contains("FAIL provider site answers over verified TLS (localhost): "
                            + "certificate does not match the host name");
            assertThat(run.exit()).isEqualTo(1);
        }
    }

    @Test
    void failsWhenAManagementPathAnswersThroughTheGateway() {
        platform.faults.add("management exposed");

        Run run = smoke("--ca-file", caFile.toString());

        assertThat(run.out())
                .contains("FAIL provider internal and management paths closed: GET /actuator/health answered 200")
                .contains("ok   provider /api/health is UP");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void deletesTheThrowawayAccountEvenWhenALaterStepFails() {
        platform.faults.add("POST /api/documents/d1/shares");

        Run run = smoke("--ca-file", caFile.toString());

        assertThat(run.out())
                .contains("FAIL document sent to the client: POST /api/documents/{id}/shares answered 500")
                .contains("ok   throwaway account deleted");
        assertThat(platform.provider.requests).anySatisfy(r -> {
            assertThat(r.method() + " " + r.path()).isEqualTo("DELETE /api/auth/account");
            assertThat(r.xsrfHeader()).isEqualTo("rotated-token");
        });
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void explainsWhatToDoWhenSignUpIsDisabled() {
        platform.faults.add("signup disabled");

        Run run = smoke("--ca-file", caFile.toString());

        assertThat(run.out())
                .contains("FAIL throwaway provider account signed up: sign-up is disabled here (403); "
                        + "run with --provider-email and --provider-password");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void withWaitGivesAFreshDeploymentTimeToBecomeHealthyBeforeChecking() {
        platform.unhealthyAnswers = 2;

        Run run = smoke("--ca-file", caFile.toString(), "--wait", "120");

        assertThat(run.out()).doesNotContain("FAIL").contains("ok   provider /api/health is UP");
        assertThat(platform.provider.requests.stream().filter(r -> r.path().equals("/api/health")))
                .hasSize(4);
        assertThat(run.exit()).isZero();
    }

    @Test
    void withoutWaitAnUnhealthyDeploymentFails() {
        platform.unhealthyAnswers = 1;

        Run run = smoke("--ca-file", caFile.toString());

        assertThat(run.out()).contains("FAIL provider /api/health is UP: GET /api/health answered 503");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void badUsageExitsWithTwoAndTheUsageWithoutAStackTrace() {
        for (String[] args : List.of(
                new String[] {"--client-url", "https://client.on-track.ch"},
                new String[] {
                    "--provider-url", "http://provider.on-track.ch", "--client-url", "https://client.on-track.ch"
                },
                new String[] {
                    "--provider-url", "https://p.on-track.ch", "--client-url", "https://c.on-track.ch", "--nope"
                },
                new String[] {
                    "--provider-url",
                    "https://p.on-track.ch",
                    "--client-url",
                    "https://c.on-track.ch",
                    "--provider-email",
                    "smoke@on-track.ch"
                },
                new String[] {
                    "--provider-url", "https://p.on-track.ch", "--client-url", "https://c.on-track.ch", "--wait", "soon"
                })) {
            Run run = run(args, Map.of());

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).startsWith("smoke-test: ").contains("usage:").doesNotContain("Exception", "\tat ");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void takesItsOptionsFromTheEnvironmentToo() {
        Run run = run(
                new String[0],
                Map.of(
                        "SMOKE_PROVIDER_URL",
                        platform.providerUrl().toString(),
                        "SMOKE_CLIENT_URL",
                        platform.clientUrl().toString(),
                        "SMOKE_CA_FILE",
                        caFile.toString()));

        assertThat(run.exit()).isZero();
    }

    private Run smoke(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--provider-url",
                platform.providerUrl().toString(),
                "--client-url",
                platform.clientUrl().toString(),
                "--timeout",
                "10"));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new), Map.of());
    }

    private static Run run(String[] args, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SmokeTest.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
