package ch.ontrack.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the browser tests find their Chromium (no browser is started here). */
class BrowserExecutableTest {

    @TempDir
    Path dir;

    @Test
    void theFirstExecutableCandidateWins() throws Exception {
        Path notExecutable = Files.writeString(dir.resolve("chromium"), "");
        Path executable = Files.writeString(dir.resolve("google-chrome"), "");
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(BrowserExecutable.firstExecutable(List.of(dir.resolve("missing"), notExecutable, executable)))
                .contains(executable);
        assertThat(BrowserExecutable.firstExecutable(List.of(dir.resolve("missing"), notExecutable)))
                .isEmpty();
    }

    @Test
    void aNamedBrowserThatIsNotThereIsASentenceNotAStackOfPlaywrightErrors() {
        String before = System.getProperty("e2e.chromium");
        System.setProperty("e2e.chromium", dir.resolve("nothing-here").toString());
        try {
            assertThatThrownBy(BrowserExecutable::find)
                    .hasMessageContaining("is not an executable file")
                    .hasMessageContaining("nothing-here");
        } finally {
            if (before == null) {
                System.clearProperty("e2e.chromium");
            } else {
                System.setProperty("e2e.chromium", before);
            }
        }
    }

    @Test
    void theSentenceForAMissingBrowserSaysWhatToInstall() {
        assertThat(BrowserExecutable.MISSING).contains("apt-get install chromium", "-De2e.chromium=");
    }
}
