package ch.ontrack.e2e;

import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * ONE platform per test JVM, started on first use with a temporary data directory and free ports
 * through the same code path as {@code ./platform up}; stopped when the JVM ends.
 */
public final class SharedPlatform {

  private static LaunchOptions options;
  private static LocalPlatform platform;

  private SharedPlatform() {}

  public static synchronized LocalPlatform get() {
    if (platform == null) {
      if (options == null) {
        options = options();
        Runtime.getRuntime().addShutdownHook(new Thread(SharedPlatform::stopAndDelete, "e2e-platform-stop"));
      }
      platform = LocalPlatform.start(options);
    }
    return platform;
  }

  /** Stops the platform; the next {@link #get()} starts it again on the same data and ports. */
  public static synchronized void stop() {
    if (platform != null) {
      platform.close();
      platform = null;
    }
  }

  /** An HTTP client that trusts the platform's local CA and nothing else. */
  public static HttpClient httpClient() {
    return ch.ontrack.launcher.pki.LocalCaTrust.httpClient(get().caCertificate());
  }

  public static Path repoRoot() {
    return Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
  }

  private static LaunchOptions options() {
    try {
      Path data = Files.createTempDirectory("oc-e2e-");
      LaunchOptions o = LaunchOptions.forTests(repoRoot(), data)
          .withEchoLogs(Boolean.getBoolean("e2e.echoLogs"));
      for (String backend : LocalTopology.BACKENDS) {
        o = o.withJvmOptions(backend, "-Xmx384m");
      }
      return o;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized void stopAndDelete() {
    stop();
    if (options != null && !Boolean.getBoolean("e2e.keepData")) {
      try (Stream<Path> walk = Files.walk(options.dataDir())) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary directory: the system cleans it eventually
      }
    }
  }
}
