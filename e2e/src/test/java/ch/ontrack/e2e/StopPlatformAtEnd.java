package ch.ontrack.e2e;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the shared platform when the tests are done, while the test JVM is still expected to run:
 * a shutdown hook alone can be cut short when the build tool ends a slow-exiting test JVM, which
 * would leave PostgreSQL servers behind.
 */
public final class StopPlatformAtEnd implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedPlatform.stop();
    }
}
