package ch.ontrack.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for tests: s3proxy (Maven Central, org.gaul:s3proxy, jar-with-dependencies) with
 * its filesystem store, in a JVM of its own because its Jetty and Jackson are older than ours. The build copies
 * the jar to {@code target/s3proxy/s3proxy.jar} (maven-dependency-plugin); {@code -Ds3proxy.jar} overrides.
 * {@link #stop()} and {@link #start()} play an outage: same port, same data.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret-key";
    public static final String REGION = "us-east-1";

    private final int port;
    private final Path config;
    private final Path log;
    private Process process;

    public S3Server() {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
            Path data = Files.createTempDirectory("s3proxy-data");
            config = Files.createTempFile("s3proxy", ".properties");
            log = Files.createTempFile("s3proxy", ".log");
            Files.writeString(
                    config,
                    String.join(
                                    "\n",
                                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                                    "s3proxy.authorization=aws-v2-or-v4",
                                    "s3proxy.identity=" + ACCESS_KEY,
                                    "s3proxy.credential=" + SECRET_KEY,
                                    "jclouds.provider=filesystem",
                                    "jclouds.filesystem.basedir=" + data)
                            + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The environment a backend needs to keep its files in {@code bucket} here (FILE_STORE=s3). */
    public java.util.Map<String, String> environment(String bucket) {
        return java.util.Map.of(
                "FILE_STORE",
                "s3",
                "S3_ENDPOINT",
                endpoint(),
                "S3_REGION",
                REGION,
                "S3_BUCKET",
                bucket,
                "S3_PATH_STYLE",
                "true",
                "S3_ACCESS_KEY_ID",
                ACCESS_KEY,
                "S3_SECRET_ACCESS_KEY",
                SECRET_KEY);
    }

    /** A client of this server, e.g. to make a bucket or look at the stored objects. */
    public software.amazon.awssdk.services.s3.S3Client client() {
        return software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(java.net.URI.create(endpoint()))
                .region(software.amazon.awssdk.regions.Region.of(REGION))
                .forcePathStyle(true)
                // s3proxy answers 501 to the SDK's default checksum headers
                .requestChecksumCalculation(
                        software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(
                        software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    public synchronized void start() {
        try {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(
                            List.of(java, "-Xmx256m", "-jar", jar().toString(), "--properties", config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!listening()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("s3proxy did not start; its log: " + log);
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path jar() {
        String configured = System.getProperty("s3proxy.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "s3proxy", "s3proxy.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No s3proxy jar at " + jar.toAbsolutePath()
                    + ": the module's build copies it there (maven-dependency-plugin, execution s3proxy).");
        }
        return jar;
    }
}
