package ch.ontrack.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ProviderApi;
import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.e2e.fuzz.MainFlow;
import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.launcher.topology.LocalTopology;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client backend is killed (SIGKILL, no graceful shutdown) in the middle of a series of sends
 * and started again: every share still arrives exactly once, with one mail, and unlocks.
 */
class ClientBackendKilledFaultIT {

    private static final JsonMapper JSON = new JsonMapper();
    private static final int SHARES = 12;

    /** One send: to whom, the share's id and what the answer held. */
    record Send(String email, String shareId, String status, String token, String code) {}

    @Test
    void everyShareSentAroundAKilledClientBackendIsDeliveredExactlyOnce() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        MainFlow.Sent setup = MainFlow.send(platform);
        ProviderApi provider = setup.provider();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Send> sends = new CopyOnWriteArrayList<>();

        ExecutorService sender = Executors.newSingleThreadExecutor();
        Future<?> sending = sender.submit(() -> {
            for (int i = 0; i < SHARES; i++) {
                String email = "recipient-" + run + "-" + i + "@example.com";
                JsonNode share = provider.post(
                        "/api/documents/" + setup.documentId() + "/shares",
                        Map.of(
                                "email",
                                email,
                                "expiresAt",
                                Instant.now().plus(Duration.ofDays(7)).toString()));
                String link = share.get("link").asString();
                sends.add(new Send(
                        email,
                        share.get("id").asString(),
                        share.get("status").asString(),
                        link.substring(link.lastIndexOf('/') + 1),
                        share.has("accessCode") ? share.get("accessCode").asString() : null));
                pause(400);
            }
            return null;
        });
        try {
            await(() -> sends.size() >= 3, Duration.ofSeconds(60));
            List<Long> pids = platform.processes().get(LocalTopology.CLIENT_BACKEND);
            assertThat(pids).isNotEmpty();
            for (long pid : pids) {
                ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
                process.destroyForcibly(); // SIGKILL
                process.onExit().get(20, TimeUnit.SECONDS);
            }
            await(() -> sends.size() >= 7 || sending.isDone(), Duration.ofSeconds(60));
            platform.stopComponent(LocalTopology.CLIENT_BACKEND);
            platform.startComponent(LocalTopology.CLIENT_BACKEND);
            sending.get(5, TimeUnit.MINUTES);
        } finally {
            sender.shutdownNow();
        }

        assertThat(sends).hasSize(SHARES);
        assertThat(sends)
                .as("sent while the client backend was down")
                .anySatisfy(s -> assertThat(s.status()).isEqualTo("PENDING_DELIVERY"));
        Map<String, String> codes = new HashMap<>();
        for (Send send : sends) {
            assertThat(awaitDelivered(provider, send.shareId()))
                    .as(send.email())
                    .isTrue();
            codes.put(
                    send.shareId(),
                    send.code() != null
                            ? send.code()
                            : provider.post("/api/shares/" + send.shareId() + "/reveal-code", Map.of())
                                    .get("accessCode")
                                    .asString());
        }
        Thread.sleep(Duration.ofSeconds(7).toMillis()); // longer than the delivery retry interval
        HttpClient http = SharedPlatform.httpClient();
        List<JsonNode> mails = messages(platform, http);
        for (Send send : sends) {
            List<JsonNode> to = mails.stream()
                    .filter(m -> m.get("to").asString().contains(send.email()))
                    .toList();
            assertThat(to).as("mails to " + send.email()).hasSize(1);
            assertThat(to.get(0).get("body").asString()).as("the mail's link").contains(send.token());
            MainFlow.assertUnlocksAndDownloads(platform, send.token(), codes.get(send.shareId()));
        }
    }

    private static boolean awaitDelivered(ProviderApi provider, String shareId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            String status = provider.get("/api/shares/" + shareId).get("status").asString();
            if (!status.equals("PENDING_DELIVERY")) {
                return status.equals("DELIVERED");
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static List<JsonNode> messages(LocalPlatform platform, HttpClient http) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(platform.mailUrl().resolve("/api/messages"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        List<JsonNode> all = new ArrayList<>();
        JSON.readTree(r.body()).forEach(all::add);
        return all;
    }

    private static void await(BooleanSupplier condition, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            pause(100);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
