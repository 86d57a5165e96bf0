package ch.ontrack.e2e;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.apiclient.CaTrust;
import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.apiclient.ProviderApi;
import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
        return ApiSession.httpClient(CaTrust.only(get().caCertificate()));
    }

    /** The provider site's API through the gateway, trusting the platform's local CA only. */
    public static ProviderApi providerApi(LocalPlatform platform) {
        return new ProviderApi(session(platform, platform.providerUrl()));
    }

    /** The client site's API through the gateway, with its own cookies (the share session). */
    public static ClientApi clientApi(LocalPlatform platform) {
        return new ClientApi(session(platform, platform.clientUrl()));
    }

    private static ApiSession session(LocalPlatform platform, URI site) {
        return ApiSession.builder(site)
                .tls(CaTrust.only(platform.caCertificate()))
                .build();
    }

    public static Path repoRoot() {
        return Path.of(System.getProperty("platform.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    private static LaunchOptions options() {
        try {
            Path data = Files.createTempDirectory("oc-e2e-");
            LaunchOptions o = LaunchOptions.forTests(repoRoot(), data).withEchoLogs(Boolean.getBoolean("e2e.echoLogs"));
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
