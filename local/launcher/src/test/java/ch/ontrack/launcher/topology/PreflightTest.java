package ch.ontrack.launcher.topology;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.ontrack.launcher.component.LaunchException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

    @TempDir
    Path repo;

    @Test
    void aMissingBackendJarIsNamedWithHowToBuildIt() {
        LaunchOptions options = LaunchOptions.forTests(repo, repo.resolve(".local"));
        assertThatThrownBy(() -> Preflight.check(options))
                .isInstanceOf(LaunchException.class)
                .hasMessageContaining("apps/provider-backend/target/provider-backend.jar is missing")
                .hasMessageContaining("mvn -B -q -DskipTests -pl apps/provider-backend -am install");
    }

    @Test
    void aPortInUseIsNamedWithTheVariableThatChangesIt() throws Exception {
        for (String app : LocalTopology.BACKENDS) {
            Files.createDirectories(repo.resolve("apps/" + app + "/target"));
            Files.writeString(repo.resolve("apps/" + app + "/target/" + app + ".jar"), "");
        }
        for (String app : LocalTopology.FRONTENDS) {
            Files.createDirectories(repo.resolve("apps/" + app + "/dist"));
            Files.writeString(repo.resolve("apps/" + app + "/dist/index.html"), "");
        }
        LaunchOptions options = LaunchOptions.forTests(repo, repo.resolve(".local"));
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.httpsPort()));
            assertThatThrownBy(() -> Preflight.check(options))
                    .isInstanceOf(LaunchException.class)
                    .hasMessage("Port " + options.httpsPort() + " (gateway https) is already in use. Stop what uses it,"
                            + " or choose another port: LOCAL_GATEWAY_HTTPS_PORT=<port> ./platform up");
        }
    }
}
