package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ApiSession;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A delivery holds no database connection while it talks to the client backend (docs/adr/0212): a real HTTP
 * server stands in for the client backend and holds every share PUT until the test lets go. More sends than the
 * pool has connections (12) wait there at once, and reads meanwhile, and every request succeeds with no 503. A
 * share revoked while its delivery waits there is revoked at the client backend once it arrives.
 */
class SlowDeliveryTest extends ApiTest {

    static final int POOL = 12;
    static final int SENDS = POOL + 4;
    static final SlowClientBackend CLIENT = new SlowClientBackend();

    @DynamicPropertySource
    static void clientBackend(DynamicPropertyRegistry env) {
        env.add("oc.sharing.client-internal-url", CLIENT::url);
    }

    @AfterAll
    static void stop() {
        CLIENT.server.stop(0);
    }

    @Test
    void sendsWaitingOnTheClientBackendLeaveThePoolToEveryoneElse() throws Exception {
        CLIENT.hold();
        String recipient = "slow-" + UUID.randomUUID() + "@example.ch";
        List<ApiSession> browsers = new ArrayList<>();
        List<UUID> documents = new ArrayList<>();
        for (int i = 0; i < SENDS; i++) {
            ApiSession browser = signedIn();
            UUID document = browser.post("/api/documents", TestData.document("Payslip " + i))
                    .expect(201)
                    .id();
            browser.upload(
                            "/api/documents/" + document + "/files",
                            "payslip.pdf",
                            "application/pdf",
                            DocumentApiTest.PDF)
                    .expect(201);
            browsers.add(browser);
            documents.add(document);
        }
        ExecutorService threads = Executors.newFixedThreadPool(SENDS * 2);
        try {
            List<Future<ApiResponse>> sends = new ArrayList<>();
            for (int i = 0; i < SENDS; i++) {
                ApiSession browser = browsers.get(i);
                UUID document = documents.get(i);
                sends.add(threads.submit(
                        () -> browser.post("/api/documents/" + document + "/shares", TestData.shareTo(recipient))
                                .expect(201)));
            }
            // every send is now waiting on the client backend, more of them than the pool has connections
            CLIENT.untilHeld(SENDS);
            List<Future<ApiResponse>> reads = new ArrayList<>();
            for (ApiSession browser : browsers) {
                reads.add(threads.submit(() -> browser.get("/api/documents").expect(200)));
            }
            for (Future<ApiResponse> read : reads) {
                read.get(60, TimeUnit.SECONDS);
            }
            CLIENT.release();
            for (Future<ApiResponse> send : sends) {
                var sent = send.get(60, TimeUnit.SECONDS);
                assertThat(JsonPath.<String>read(sent.text(), "$.status")).isEqualTo("DELIVERED");
                assertThat(JsonPath.<String>read(sent.text(), "$.accessCode")).isEqualTo(SlowClientBackend.CODE);
            }
        } finally {
            CLIENT.release();
            threads.shutdownNow();
        }
        assertThat(TestMail.server().getReceivedMessagesForDomain(recipient)).hasSize(SENDS);
        assertThat(jdbc.sql("select count(*) from outbox join share on share.id = outbox.share_id"
                                + " where share.recipient_email = ?")
                        .param(recipient)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aShareRevokedWhileItIsBeingDeliveredIsRevokedAtTheClientBackendAndNotMailed() throws Exception {
        CLIENT.hold();
        String recipient = "revoked-" + UUID.randomUUID() + "@example.ch";
        ApiSession browser = signedIn();
        UUID document = browser.post("/api/documents", TestData.document("Payslip"))
                .expect(201)
                .id();
        browser.upload("/api/documents/" + document + "/files", "payslip.pdf", "application/pdf", DocumentApiTest.PDF)
                .expect(201);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            Future<ApiResponse> send = threads.submit(
                    () -> browser.post("/api/documents/" + document + "/shares", TestData.shareTo(recipient))
                            .expect(201));
            CLIENT.untilHeld(1);
            UUID share = JsonPath.<List<String>>read(
                            browser.get("/api/documents/" + document + "/shares")
                                    .expect(200)
                                    .text(),
                            "$[*].id")
                    .stream()
                    .map(UUID::fromString)
                    .findFirst()
                    .orElseThrow();
            // the client backend does not know the share yet: the revoke finds nothing there
            browser.post("/api/shares/" + share + "/revoke", "{}").expect(200);
            CLIENT.release();

            var sent = send.get(60, TimeUnit.SECONDS);
            assertThat(JsonPath.<String>read(sent.text(), "$.status")).isEqualTo("REVOKED");
            assertThat(sent.text()).doesNotContain("accessCode");
            // the share that arrived after the revoke is revoked there too, through the outbox
            assertThat(jdbc.sql("select kind from outbox where share_id = ?")
                            .param(share)
                            .query(String.class)
                            .list())
                    .containsExactly("REVOKE");
        } finally {
            CLIENT.release();
            threads.shutdownNow();
        }
        assertThat(TestMail.server().getReceivedMessagesForDomain(recipient)).isEmpty();
    }

    /**
     * Takes files at once, holds share PUTs until {@link #release}, then answers them like the client backend; a
     * revoke answers 404 (the share is not there yet).
     */
    static final class SlowClientBackend {

        static final String CODE = "FGHJK-34567";
        final HttpServer server;
        private final AtomicInteger held = new AtomicInteger();
        private volatile CountDownLatch released = new CountDownLatch(1);

        SlowClientBackend() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/internal/shares/", this::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void untilHeld(int count) throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (held.get() < count && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(held.get())
                    .as("share PUTs waiting at the client backend")
                    .isEqualTo(count);
        }

        void hold() {
            held.set(0);
            released = new CountDownLatch(1);
        }

        void release() {
            released.countDown();
        }

        private void handle(HttpExchange exchange) throws IOException {
            exchange.getRequestBody().readAllBytes();
            String[] path = exchange.getRequestURI().getPath().split("/");
            byte[] body = new byte[0];
            int status = 201;
            if (path.length == 5 && "revoke".equals(path[4])) {
                status = 404;
            } else if (path.length == 4 && "PUT".equals(exchange.getRequestMethod())) {
                held.incrementAndGet();
                try {
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                body = ("{\"accessCode\":\"" + CODE + "\"}").getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        }
    }
}
