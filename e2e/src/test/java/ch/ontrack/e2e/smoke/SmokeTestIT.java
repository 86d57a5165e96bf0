package ch.ontrack.e2e.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.e2e.PlatformExtension;
import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.smoke.SmokeTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The deployment smoke test, run against the local environment as the deploy workflow runs it. */
@ExtendWith(PlatformExtension.class)
class SmokeTestIT {

    record Run(int exit, String out) {}

    @Test
    void passesAgainstTheLocalEnvironment(LocalPlatform platform) {
        // a throwaway account must confirm its address before it sends: the local mail catcher has the link
        Run run = smoke(
                platform,
                "--ca-file",
                platform.caCertificate().toString(),
                "--mailbox-url",
                platform.mailUrl().toString());

        assertThat(run.out())
                .doesNotContain("FAIL", "skip")
                .contains(
                        "ok   provider site answers over verified TLS (provider.localhost)",
                        "ok   client frontend loads",
                        "ok   client internal and management paths closed",
                        "ok   share unlocked on the client site with the access code",
                        "ok   downloaded file has the uploaded bytes",
                        "ok   provider sees VIEWED and DOWNLOADED",
                        "ok   throwaway account deleted",
                        "smoke test passed");
        assertThat(run.exit()).isZero();
    }

    @Test
    void failsWhenTheLocalCaIsNotTrusted(LocalPlatform platform) {
        Run run = smoke(platform);

        assertThat(run.out())
                .contains("FAIL provider site answers over verified TLS (provider.localhost): certificate not trusted")
                .contains("skip provider-to-client flow");
        assertThat(run.exit()).isEqualTo(1);
    }

    private static Run smoke(LocalPlatform platform, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "--provider-url";
        args[1] = platform.providerUrl().toString();
        args[2] = "--client-url";
        args[3] = platform.clientUrl().toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SmokeTest.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        return new Run(exit, text);
    }
}
