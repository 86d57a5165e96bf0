package ch.ontrack.launcher.topology;

import ch.ontrack.launcher.component.LaunchException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** What must hold before anything starts, each failure explained in one sentence. */
public final class Preflight {

    static final int MIN_JAVA = 17;

    private Preflight() {}

    public static void check(LaunchOptions options) {
        if (Runtime.version().feature() < MIN_JAVA) {
            throw new LaunchException("Java " + MIN_JAVA + " or newer is needed; this is Java "
                    + Runtime.version().feature() + " (" + System.getProperty("java.home") + ").");
        }
        for (String backend : LocalTopology.BACKENDS) {
            Path jar = jar(options, backend);
            if (!Files.isRegularFile(jar)) {
                throw new LaunchException(options.repoRoot().relativize(jar) + " is missing. Build it with:"
                        + " mvn -B -q -DskipTests -pl apps/" + backend + " -am install (./platform up does it).");
            }
        }
        for (String frontend : LocalTopology.FRONTENDS) {
            Path index = dist(options, frontend).resolve("index.html");
            if (!Files.isRegularFile(index)) {
                throw new LaunchException(options.repoRoot().relativize(index) + " is missing. Build it with:"
                        + " mvn -B -q -DskipTests -pl apps/" + frontend + " install (./platform up does it).");
            }
        }
        if (options.fileStore() == FileStore.S3 && !Files.isRegularFile(s3ServerJar(options))) {
            throw new LaunchException(
                    options.repoRoot().relativize(s3ServerJar(options)) + " (the local S3 server) is"
                            + " missing. Build it with: mvn -B -q -DskipTests -pl local/launcher install (./platform up does it).");
        }
        Set<Integer> seen = new HashSet<>();
        for (PortSpec spec : LocalTopology.PORTS) {
            if (spec.component().equals(LocalTopology.OBJECT_STORE) && options.fileStore() != FileStore.S3) {
                continue;
            }
            int port = options.ports().get(spec.key());
            if (!seen.add(port)) {
                throw new LaunchException("Port " + port + " is configured twice (" + spec.overrideVariable() + ").");
            }
            if (!isFree(port)) {
                throw new LaunchException("Port " + port + " (" + spec.component() + " " + spec.name()
                        + ") is already in use. Stop what uses it, or choose another port: "
                        + spec.overrideVariable() + "=<port> ./platform up");
            }
        }
    }

    public static Path jar(LaunchOptions options, String backend) {
        return options.repoRoot()
                .resolve("apps")
                .resolve(backend)
                .resolve("target")
                .resolve(backend + ".jar");
    }

    /** s3proxy with its dependencies in one jar, copied there by the launcher's build (maven-dependency-plugin). */
    public static Path s3ServerJar(LaunchOptions options) {
        return options.repoRoot().resolve("local/launcher/target/s3proxy/s3proxy.jar");
    }

    /** Where a frontend's build output is, which the gateway serves. */
    public static Path dist(LaunchOptions options, String frontend) {
        return options.repoRoot().resolve("apps").resolve(frontend).resolve("dist");
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
