package ch.ontrack.launcher.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.ontrack.launcher.component.LaunchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which JVM runs the backends: the newest JDK with an AOT cache, unless one is named; this JVM otherwise. */
class BackendJavaTest {

    @TempDir
    Path root;

    private final Path current = Path.of(System.getProperty("java.home"));

    @Test
    void theNewestJdkWithAnAotCacheIsChosen() throws Exception {
        jdk("java-17", "17.0.15+6-Debian-1deb12u1");
        jdk("temurin-25", "25.0.1+8-LTS");
        Path newest = jdk("temurin-25-later", "25.0.3+9-LTS");
        jdk("java-21", "21.0.8+9");

        BackendJava java = BackendJava.find(Map.of(), root, current);

        assertThat(java.home()).isEqualTo(newest.toRealPath());
        assertThat(java.feature()).isEqualTo(25);
        assertThat(java.version()).isEqualTo("25.0.3+9-LTS");
        assertThat(java.hasAotCache()).isTrue();
    }

    @Test
    void javaHomeCountsAsACandidateOutsideTheJvmFolder() throws Exception {
        jdk("temurin-25", "25.0.3+9-LTS");
        Path elsewhere = Files.createTempDirectory(root, "elsewhere");
        Path home = jdk(elsewhere.getFileName() + "/jdk-26", "26+35");

        assertThat(BackendJava.find(Map.of("JAVA_HOME", home.toString()), root, current)
                        .feature())
                .isEqualTo(26);
    }

    @Test
    void theNamedJavaHomeWinsEvenWhenOlder() throws Exception {
        jdk("temurin-25", "25.0.3+9-LTS");
        Path old = jdk("java-17", "17.0.15+6-Debian-1deb12u1");

        BackendJava java = BackendJava.find(Map.of(BackendJava.HOME_VARIABLE, old.toString()), root, current);

        assertThat(java.feature()).isEqualTo(17);
        assertThat(java.hasAotCache()).isFalse();
    }

    @Test
    void aNamedJavaHomeThatIsNoJavaStopsTheStartWithASentence() {
        Path nothing = root.resolve("nothing");

        assertThatThrownBy(() -> BackendJava.find(Map.of(BackendJava.HOME_VARIABLE, nothing.toString()), root, current))
                .isInstanceOf(LaunchException.class)
                .hasMessage("OC_BACKEND_JAVA_HOME is " + nothing
                        + ", which is no Java installation (no bin/java and release file there).");
    }

    @Test
    void withoutAJdkWithAnAotCacheTheLaunchersOwnJvmRunsTheBackends() throws Exception {
        jdk("java-21", "21.0.8+9");

        BackendJava java = BackendJava.find(Map.of(), root, current);

        assertThat(java.home()).isEqualTo(current.toRealPath());
        assertThat(java.feature()).isEqualTo(Runtime.version().feature());
    }

    @Test
    void aFolderWithoutAReleaseFileIsNoCandidate() throws Exception {
        Path broken = jdk("temurin-25", "25.0.3+9-LTS");
        Files.delete(broken.resolve("release"));

        assertThat(BackendJava.of(broken)).isEmpty();
    }

    private Path jdk(String name, String runtimeVersion) throws Exception {
        Path home = root.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        String feature = runtimeVersion.split("[.+]")[0];
        Files.writeString(
                home.resolve("release"),
                "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"" + runtimeVersion + "\"\nJAVA_VERSION=\"" + feature
                        + "\"\n");
        return home;
    }
}
