package ch.ontrack.e2e.backends;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.apiclient.ProviderApi;
import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many clients download at once from a client backend with a small heap: each download either arrives whole or is
 * turned away with 503 {@code downloads-busy} and Retry-After (and then arrives on a later try); the backend keeps
 * running. Without a bound on downloads in progress, each holding its chunk in memory, the heap runs out.
 */
class ParallelDownloadsWithSmallHeapIT {

    private static final int HEAP_MB = 96;
    private static final int CLIENTS = 64;
    private static final int DOWNLOADS_EACH = 4;
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatformWithASmallClientBackendHeap() throws Exception {
        Path dataDir = Files.createTempDirectory("oc-e2e-downloads-");
        platform = LocalPlatform.start(LaunchOptions.forTests(SharedPlatform.repoRoot(), dataDir)
                .withJvmOptions(LocalTopology.CLIENT_BACKEND, "-Xmx" + HEAP_MB + "m"));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyParallelDownloadArrivesWholeOrIsAskedToComeBack() throws Exception {
        ProviderApi provider = SharedPlatform.providerApi(platform);
        Sharing sharing = Sharing.prepare(provider, platform);
        byte[] bytes = new byte[3 * 1024 * 1024]; // three stored chunks
        new Random(5).nextBytes(bytes);
        String big = provider.uploadFile(sharing.documentId(), "scans.zip", "application/zip", bytes)
                .get("id")
                .asString();
        Sharing.Sent share = sharing.send();
        assertThat(share.status()).isEqualTo("DELIVERED");

        ClientApi client = SharedPlatform.clientApi(platform);
        assertThat(client.unlock(share.token(), share.code()).status()).isEqualTo(200);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(bytes);

        AtomicInteger busy = new AtomicInteger();
        Map<String, Integer> unexpected = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> whole = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            whole.add(pool.submit(() -> {
                int arrived = 0;
                for (int tries = 0; arrived < DOWNLOADS_EACH && tries < 20 * DOWNLOADS_EACH; tries++) {
                    ApiResponse r = client.file(share.token(), big);
                    if (r.status() == 200
                            && Arrays.equals(
                                    MessageDigest.getInstance("SHA-256").digest(r.body()), expected)) {
                        arrived++;
                    } else if (r.status() == 503
                            && r.header("Retry-After") != null
                            && "downloads-busy".equals(r.problemType())) {
                        busy.incrementAndGet();
                        Thread.sleep(1000L * Long.parseLong(r.header("Retry-After")));
                    } else {
                        unexpected.merge(r.status() + " " + r.body().length + " bytes", 1, Integer::sum);
                    }
                }
                return arrived;
            }));
        }
        int arrived = 0;
        for (Future<Integer> f : whole) {
            arrived += f.get();
        }
        pool.shutdown();

        assertThat(unexpected)
                .as("answers other than the whole file or downloads-busy")
                .isEmpty();
        assertThat(arrived).isEqualTo(CLIENTS * DOWNLOADS_EACH);
        assertThat(platform.processes().get(LocalTopology.CLIENT_BACKEND))
                .as("client backend still running")
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                        .hasValue(true));
        System.out.println("downloads turned away with 503 and retried: " + busy.get());
    }
}
