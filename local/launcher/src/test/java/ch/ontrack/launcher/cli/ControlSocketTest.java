package ch.ontrack.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlSocketTest {

    @TempDir
    Path data;

    @Test
    void aRestartRequestReachesTheLauncherThroughASocketOnlyItsOwnerCanOpen() throws Exception {
        List<String> restarted = new CopyOnWriteArrayList<>();
        try (ControlSocket socket = ControlSocket.open(data, name -> {
            if (!name.equals("client-backend")) {
                throw new IllegalArgumentException("no component " + name);
            }
            restarted.add(name);
        })) {
            Path file = ControlSocket.path(data);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");

            assertThat(ControlSocket.send(data, "restart client-backend"))
                    .hasValueSatisfying(answer -> assertThat(answer).startsWith("ok client-backend restarted in "));
            assertThat(restarted).containsExactly("client-backend");
            assertThat(ControlSocket.send(data, "restart nothing")).hasValue("error no component nothing");
            assertThat(ControlSocket.send(data, "rm -rf /"))
                    .hasValueSatisfying(answer -> assertThat(answer).startsWith("error unknown request"));
        }
        assertThat(ControlSocket.send(data, "restart client-backend"))
                .as("after close")
                .isEmpty();
    }
}
