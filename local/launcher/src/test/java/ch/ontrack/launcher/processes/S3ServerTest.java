package ch.ontrack.launcher.processes;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.launcher.topology.FileStore;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.Preflight;
import ch.ontrack.launcher.topology.Secrets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local S3 server of {@code --file-store s3}: the real s3proxy jar the launcher's build copies. */
class S3ServerTest {

    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    Path data;

    @Test
    void startsWithABucketPerSiteRefusesUnsignedRequestsAndStopsWithoutLeftovers() throws Exception {
        LaunchOptions options = LaunchOptions.forTests(REPO, data).withFileStore(FileStore.S3);
        S3Server server = new S3Server(options, Secrets.loadOrCreate(data));
        try {
            server.start();

            assertThat(server.pids()).hasSize(1);
            assertThat(S3Server.data(options).resolve("oc-local-provider-files"))
                    .isDirectory();
            assertThat(S3Server.data(options).resolve("oc-local-client-files")).isDirectory();
            // an object as the store writes one: without "others may read" (jclouds' private ACL)
            Files.writeString(
                    Files.createFile(
                            S3Server.data(options).resolve("oc-local-client-files/stored"),
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    "encrypted bytes");
            for (String path : List.of("/", "/oc-local-provider-files", "/oc-local-client-files/stored")) {
                HttpResponse<String> unsigned = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(S3Server.url(options).resolve(path))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(unsigned.statusCode()).as(path).isEqualTo(403);
                assertThat(unsigned.body()).contains("AccessDenied");
            }
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(S3Server.home(options).resolve("s3proxy.properties"))))
                    .isEqualTo("rw-------");
        } finally {
            server.stop();
        }
        assertThat(server.pids()).isEmpty();
        assertThat(Preflight.isFree(options.port(S3Server.NAME, "s3"))).isTrue();
    }

    @Test
    void startsAgainOnTheSameData() throws Exception {
        LaunchOptions options = LaunchOptions.forTests(REPO, data).withFileStore(FileStore.S3);
        S3Server server = new S3Server(options, Secrets.loadOrCreate(data));
        Path object = S3Server.data(options).resolve("oc-local-client-files").resolve("kept");
        try {
            server.start();
            server.stop();
            Files.writeString(object, "still here");
            server.start();

            assertThat(object).hasContent("still here");
            assertThat(server.pids()).hasSize(1);
        } finally {
            server.stop();
        }
    }
}
