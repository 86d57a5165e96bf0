package ch.ontrack.launcher.processes;

import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import ch.ontrack.launcher.topology.Preflight;
import ch.ontrack.launcher.topology.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./platform up --file-store s3}: s3proxy (org.gaul:s3proxy, its dependencies in one jar that the launcher's
 * build copies from Maven) in a JVM of its own, keeping the objects as files under {@code object-store/data/} in the
 * data directory, listening on 127.0.0.1 only and checking AWS signatures with the generated credentials. Each
 * backend's bucket is a folder there, created before the start.
 */
public final class S3Server extends OneProcess {

    public static final String NAME = LocalTopology.OBJECT_STORE;

    private static final Set<PosixFilePermission> PRIVATE_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final BackendProcess process;

    public S3Server(LaunchOptions options, Secrets secrets) {
        this.process = new BackendProcess(
                NAME,
                () -> command(options, secrets),
                Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8", "TZ", "UTC"),
                home(options),
                options.dataDir().resolve("logs").resolve(NAME + ".log"),
                url(options).resolve("/"),
                S3Server::answersS3,
                null);
    }

    /** An unsigned request is refused with 403 once the server handles S3 requests. */
    static boolean answersS3(int status) {
        return status == 403 || status == 200;
    }

    public static URI url(LaunchOptions options) {
        return URI.create("http://127.0.0.1:" + options.port(NAME, "s3"));
    }

    public static Path home(LaunchOptions options) {
        return options.dataDir().resolve(NAME);
    }

    /** Where the buckets are: one folder each. */
    public static Path data(LaunchOptions options) {
        return home(options).resolve("data");
    }

    static List<String> command(LaunchOptions options, Secrets secrets) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path config = writeConfig(options, secrets);
        return List.of(
                java.toString(),
                "-XX:+UseSerialGC",
                // the quick compiler only: with the full one it competed with the backends for the two cores and
                // served fewer reads, not more (docs/performance.md "Read path at a steady rate")
                "-XX:TieredStopAtLevel=1",
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                Preflight.s3ServerJar(options).toString(),
                "--properties",
                config.toString());
    }

    private static Path writeConfig(LaunchOptions options, Secrets secrets) {
        try {
            // jclouds' filesystem store reads "others may read" as a public-read ACL: the buckets are private folders
            for (String backend : LocalTopology.BACKENDS) {
                Path bucket = data(options).resolve(LocalTopology.bucket(backend));
                Files.createDirectories(bucket, PosixFilePermissions.asFileAttribute(PRIVATE_FOLDER));
                Files.setPosixFilePermissions(bucket, PRIVATE_FOLDER);
            }
            Path config = home(options).resolve("s3proxy.properties");
            Files.deleteIfExists(config);
            Files.createFile(
                    config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(
                    config,
                    String.join(
                                    "\n",
                                    "s3proxy.endpoint=" + url(options),
                                    "s3proxy.authorization=aws-v2-or-v4",
                                    "s3proxy.identity=" + secrets.objectStoreAccessKey(),
                                    "s3proxy.credential=" + secrets.objectStoreSecretKey(),
                                    "jclouds.provider=filesystem",
                                    "jclouds.filesystem.basedir=" + data(options))
                            + "\n");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    BackendProcess process() {
        return process;
    }
}
