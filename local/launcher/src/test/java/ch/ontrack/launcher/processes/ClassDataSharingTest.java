package ch.ontrack.launcher.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class-data sharing archive is mapped only once a JVM has mapped it without crashing: a backend killed while it
 * wrote its archive must not make every later start crash (JDK 17 aborts on a truncated archive).
 */
class ClassDataSharingTest {

    @TempDir
    Path dir;

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // any jar does: the archive's class path is checked against the one the probe runs with
    private final Path jar = Path.of(org.junit.jupiter.api.Test.class
            .getProtectionDomain()
            .getCodeSource()
            .getLocation()
            .getPath());

    @Test
    void aTruncatedArchiveIsDroppedNotMapped() throws Exception {
        dump(dir.resolve(ClassDataSharing.PENDING));
        byte[] whole = Files.readAllBytes(dir.resolve(ClassDataSharing.PENDING));
        Files.write(dir.resolve(ClassDataSharing.PENDING), Arrays.copyOf(whole, 5000));

        assertThat(ClassDataSharing.verifiedArchive(java, jar, dir)).isNull();
        assertThat(dir.resolve(ClassDataSharing.PENDING)).doesNotExist();
        assertThat(dir.resolve(ClassDataSharing.VERIFIED)).doesNotExist();
    }

    @Test
    void aCompleteArchiveIsPromotedOnceAndMappedFromThenOn() throws Exception {
        assertThat(ClassDataSharing.verifiedArchive(java, jar, dir))
                .as("none written yet")
                .isNull();
        dump(dir.resolve(ClassDataSharing.PENDING));

        Path archive = ClassDataSharing.verifiedArchive(java, jar, dir);

        assertThat(archive).isEqualTo(dir.resolve(ClassDataSharing.VERIFIED)).exists();
        assertThat(dir.resolve(ClassDataSharing.PENDING)).doesNotExist();
        assertThat(ClassDataSharing.verifiedArchive(java, jar, dir)).isEqualTo(archive);
    }

    private void dump(Path archive) throws Exception {
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-XX:ArchiveClassesAtExit=" + archive,
                        "-Xlog:cds=off,cds+dynamic=off",
                        "-cp",
                        jar.toString(),
                        "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(archive).exists();
    }
}
