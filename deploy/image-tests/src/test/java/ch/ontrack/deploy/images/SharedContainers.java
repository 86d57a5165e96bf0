package ch.ontrack.deploy.images;

import java.net.URI;
import java.nio.file.Path;

/** ONE platform of containers per test JVM, started on first use, removed when the JVM ends. */
public final class SharedContainers {

    private static ContainerPlatform platform;

    private SharedContainers() {}

    static synchronized ContainerPlatform get() {
        Podman.assumeAvailable();
        if (platform == null) {
            // scripts/bench-images.sh probes every second, for start times to the second
            boolean bench = Boolean.getBoolean("images.bench");
            platform = ContainerPlatform.start(plan -> bench ? plan.withFastProbes() : plan);
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "image-tests-stop"));
        }
        return platform;
    }

    public static URI providerUrl() {
        return get().siteUrl("provider");
    }

    public static URI clientUrl() {
        return get().siteUrl("client");
    }

    public static Path caCertificate() {
        return get().caCertificate();
    }
}
