package ch.ontrack.e2e.browser;

import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.launcher.LocalPlatform;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/** One Chromium per test class against the shared platform; a failure leaves screenshots behind. */
abstract class BrowserTest {

    static Chromium chromium;
    static LocalPlatform platform;

    @RegisterExtension
    static final TestWatcher onFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (chromium != null) {
                chromium.captureFailure(
                        "failed-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    static void startBrowser() {
        // The machine is shared with builds: give slow answers (Argon2 hashing, first requests) time.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        platform = SharedPlatform.get();
        chromium = new Chromium();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
