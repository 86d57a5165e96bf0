package ch.ontrack.e2e.backends;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.launcher.processes.S3Server;
import ch.ontrack.launcher.topology.FileStore;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The main share flow on {@code ./platform up --file-store s3}: both backends keep the files in the local S3
 * server, encrypted, and the client downloads them whole and in ranges.
 */
class S3FileStoreIT {

    private static final byte[] MARKER = "plaintext-marker-of-the-s3-test".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aProviderSendsAndTheClientDownloadsWholeAndInRangesFromS3() throws Exception {
        Path data = Files.createTempDirectory("oc-e2e-s3-");
        LaunchOptions options =
                LaunchOptions.forTests(SharedPlatform.repoRoot(), data).withFileStore(FileStore.S3);
        for (String backend : LocalTopology.BACKENDS) {
            options = options.withJvmOptions(backend, "-Xmx384m");
        }
        try (LocalPlatform platform = LocalPlatform.start(options)) {
            Sharing sharing = Sharing.prepare(SharedPlatform.providerApi(platform), platform);
            byte[] scan = scan(3 * 1024 * 1024 + 12345);
            sharing.provider().uploadFile(sharing.documentId(), "scan.pdf", "application/pdf", scan);

            Sharing.Sent sent = sharing.send();
            assertThat(sharing.awaitStatus(sent.id(), "DELIVERED", Duration.ofSeconds(60)))
                    .isEqualTo("DELIVERED");
            // the code comes with the answer when the delivery was immediate, else it is revealed once
            String code = sent.code() != null
                    ? sent.code()
                    : sharing.provider()
                            .post("/api/shares/" + sent.id() + "/reveal-code", Map.of())
                            .get("accessCode")
                            .asString();
            ClientApi client = SharedPlatform.clientApi(platform);
            assertThat(client.unlock(sent.token(), code).status()).isEqualTo(200);
            JsonNode files = client.document(sent.token()).json().get("files");
            assertThat(files).hasSize(2);
            String clientScanId = null;
            for (JsonNode file : files) {
                if (file.get("name").asString().equals("scan.pdf")) {
                    clientScanId = file.get("id").asString();
                } else {
                    assertThat(client.file(sent.token(), file.get("id").asString())
                                    .body())
                            .isEqualTo(Sharing.PDF);
                }
            }

            ApiResponse whole = client.file(sent.token(), clientScanId);
            assertThat(whole.status()).isEqualTo(200);
            assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
            assertThat(whole.body()).isEqualTo(scan);
            // across the boundary of two 1 MiB encryption segments, as a PDF viewer or a resumed download asks
            ApiResponse part = client.file(sent.token(), clientScanId, "Range", "bytes=1048000-1049999");
            assertThat(part.status()).isEqualTo(206);
            assertThat(part.header("Content-Range")).isEqualTo("bytes 1048000-1049999/" + scan.length);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(scan, 1048000, 1050000));
            ApiResponse tail = client.file(sent.token(), clientScanId, "Range", "bytes=-100");
            assertThat(tail.status()).isEqualTo(206);
            assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(scan, scan.length - 100, scan.length));

            // both sites' files are objects in their own bucket, and no object holds the file's plaintext
            for (String backend : LocalTopology.BACKENDS) {
                List<Path> objects = objects(S3Server.data(options).resolve(LocalTopology.bucket(backend)));
                assertThat(objects).as(backend + "'s bucket").isNotEmpty();
                assertThat(objects)
                        .allSatisfy(o -> assertThat(indexOf(Files.readAllBytes(o), MARKER))
                                .as(o.toString())
                                .isEqualTo(-1));
            }
        } finally {
            try (Stream<Path> walk = Files.walk(data)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A PDF header, random bytes and the marker repeated, so plaintext would be found in any stored piece. */
    private static byte[] scan(int size) {
        byte[] scan = new byte[size];
        new Random(14).nextBytes(scan);
        System.arraycopy(Sharing.PDF, 0, scan, 0, Sharing.PDF.length);
        for (int at = 4096; at + MARKER.length < size; at += 256 * 1024) {
            System.arraycopy(MARKER, 0, scan, at, MARKER.length);
        }
        return scan;
    }

    private static List<Path> objects(Path bucket) {
        try (Stream<Path> walk = Files.walk(bucket)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
