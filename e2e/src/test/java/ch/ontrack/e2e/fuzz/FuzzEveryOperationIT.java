package ch.ontrack.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.launcher.LocalPlatform;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the provider API, the client API (both through the gateway, as signed-in
 * provider and unlocked client) and the client backend's internal API gets generated requests:
 * wrong types, missing and extra fields, huge strings, NUL and control characters, odd Unicode,
 * chunked and oversized bodies, odd path segments and query values. No answer may be a 5xx, no
 * error of a public API anything but problem+json, no backend may crash, and the main flow must
 * still work afterwards. {@code -Dfuzz.seed=…} repeats a run, {@code -Dfuzz.tries=…} sets how many
 * requests each operation gets.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FuzzEveryOperationIT {

    private static final JsonMapper JSON = new JsonMapper();
    private static final long SEED = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
    private static final int TRIES = Integer.getInteger("fuzz.tries", 24);

    private static LocalPlatform platform;
    private static Map<String, List<Long>> pids;
    private static Sender sender;
    private static Fixture fixture;
    // the last request that counted against a per-address rate limit (unlock, sign-in)
    private static volatile long lastLimited = System.nanoTime();

    @BeforeAll
    static void signInAndUnlock() throws Exception {
        System.out.println("FuzzEveryOperationIT: -Dfuzz.seed=" + SEED + " -Dfuzz.tries=" + TRIES);
        platform = SharedPlatform.get();
        pids = Backends.pids(platform);
        MainFlow.Sent sent = MainFlow.send(platform);
        assertThat(sent.code()).as("delivered at once").isNotNull();
        ClientApi client = SharedPlatform.clientApi(platform);
        ApiResponse unlocked = client.unlock(sent.token(), sent.code());
        assertThat(unlocked.status()).as(unlocked.text()).isEqualTo(200);
        String clientFileId = unlocked.json().get("files").get(0).get("id").asString();
        fixture = new Fixture(
                sent.clientId(),
                sent.documentId(),
                sent.fileId(),
                sent.shareId(),
                sent.token(),
                sent.code(),
                clientFileId);
        sender = new Sender(platform, sent.provider(), client.session());
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyOperationAnswersHostileRequestsWithoutServerErrors() throws Exception {
        List<Operation> provider = OpenApiOperations.of(Operation.Api.PROVIDER, openApi(platform.providerUrl()));
        List<Operation> client = OpenApiOperations.of(Operation.Api.CLIENT, openApi(platform.clientUrl()));
        assertThat(provider).as("provider operations").hasSizeGreaterThanOrEqualTo(20);
        assertThat(client).as("client operations").hasSizeGreaterThanOrEqualTo(4);
        List<Operation> all = new ArrayList<>(provider);
        all.addAll(client);
        all.addAll(InternalOperations.all());
        return all.stream().map(operation -> DynamicTest.dynamicTest(operation.toString(), () -> fuzz(operation)));
    }

    @Test
    @Order(2)
    void theBackendsSurviveAndTheMainFlowStillWorks() {
        Backends.assertSurvived(platform, pids);
        MainFlow.assertWorks(platform);
    }

    private static void fuzz(Operation operation) {
        long seed = SEED ^ operation.toString().hashCode();
        List<String> failures = new ArrayList<>();
        boolean limited =
                operation.path().endsWith("/unlock") || operation.path().equals("/api/auth/login");
        FuzzCases.generate(operation, fixture, seed, TRIES).forEach(request -> {
            if (limited) {
                lastLimited = System.nanoTime();
            }
            try {
                Answers.problemWith(request, sendRetrying(request)).ifPresent(failures::add);
            } catch (java.io.UncheckedIOException e) {
                // a server may close the connection on a body it refuses before reading it all
                if (request.body() == null || request.body().length() < (1 << 20)) {
                    failures.add(
                            request + " failed: " + e + (e.getCause() == null ? "" : " caused by " + e.getCause()));
                }
            }
            if (!Backends.alive(pids)) {
                failures.add("a backend died after " + request);
                throw new AssertionError(String.join("\n", failures));
            }
        });
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + TRIES + " requests to " + operation
                    + " failed (-Dfuzz.seed=" + SEED + "):\n  " + String.join("\n  ", failures));
        }
    }

    /**
     * The answer; a request that fails on a kept-alive connection the server has just closed (after
     * refusing the previous request's body) is sent once more, as browsers do.
     */
    private static java.net.http.HttpResponse<String> sendRetrying(FuzzRequest request) {
        java.net.http.HttpResponse<String> answer;
        try {
            answer = sender.send(request);
        } catch (java.io.UncheckedIOException first) {
            answer = sender.send(request);
        }
        // Known gap of the local gateway (ADR 0355): Tomcat closes the connection after a 400, and when sending the
        // rest of the body fails before the gateway's HTTP client has read that answer, the gateway reports its own
        // 502 bad-gateway instead of passing the 400 on. It is a race the gateway loses about one time in five
        // (EarlyAnswerTest), so such a request is sent up to three times more; a fourth such 502 fails.
        for (int retry = 0; retry < 3 && fromTheGatewayItself(answer); retry++) {
            answer = sender.send(request);
        }
        return answer;
    }

    private static boolean fromTheGatewayItself(java.net.http.HttpResponse<String> answer) {
        return answer.statusCode() == 502
                && answer.body() != null
                && answer.body().contains("/problems/bad-gateway")
                && Backends.alive(pids);
    }

    /** Leaves the per-address rate limits refilled (a minute), so that later tests on this platform can unlock. */
    @AfterAll
    static void waitOutTheRateLimits() throws InterruptedException {
        long left = lastLimited + Duration.ofSeconds(61).toNanos() - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left).toMillis());
        }
    }

    private static JsonNode openApi(java.net.URI site) throws Exception {
        HttpResponse<String> r = SharedPlatform.httpClient()
                .send(
                        HttpRequest.newBuilder(site.resolve("/api/openapi.json"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(site + "/api/openapi.json").isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
