package ch.ontrack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiResponse;
import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.apiclient.ProviderApi;
import ch.ontrack.launcher.LocalPlatform;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/** The test: the whole platform over HTTPS through the gateway, stopped and started again. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPlatformIT {

    static final String PASSWORD = "Alpenrose Velo Kaffee 42";
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                    + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R>>endobj\n"
                    + "trailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    static String email = "provider-" + UUID.randomUUID() + "@example.com";
    static String clientEmail = "client-" + UUID.randomUUID() + "@example.com";
    static String documentId;
    static String shareId;
    static String token;
    static String code;

    @Test
    @Order(1)
    void aProviderSendsADocumentThatTheClientOpensWithTheCode() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        HttpClient http = SharedPlatform.httpClient();
        ProviderApi provider = SharedPlatform.providerApi(platform);
        provider.signup(email, PASSWORD, "Example Fiduciary");
        provider.verifyEmail(platform.awaitMailedToken(email, "/verify-email", Duration.ofSeconds(30)));
        String clientId =
                provider.createClient("Alex Example", clientEmail).get("id").asString();
        documentId = provider.createDocument("Annual accounts", "Here they are.")
                .get("id")
                .asString();
        String fileId = provider.uploadFile(documentId, "accounts.pdf", "application/pdf", PDF)
                .get("id")
                .asString();
        JsonNode share = provider.share(documentId, clientId, Instant.now().plus(Duration.ofDays(7)));
        shareId = share.get("id").asString();
        String link = share.get("link").asString();
        code = share.get("accessCode").asString();
        assertThat(link).startsWith(platform.clientUrl() + "/s/");
        token = link.substring(link.lastIndexOf('/') + 1);

        JsonNode mail = Mailbox.awaitMessageTo(platform, http, clientEmail, Duration.ofSeconds(30))
                .orElseThrow();
        assertThat(mail.get("body").asString()).contains(link).doesNotContain(code);

        ClientApi client = SharedPlatform.clientApi(platform);
        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(client.shareState(token).text()).contains("AVAILABLE");
        assertThat(client.unlock(token, code).status()).isEqualTo(200);
        assertThat(client.document(token).text()).contains("Annual accounts", "accounts.pdf");
        ApiResponse file = client.file(token, fileId);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PDF);

        assertThat(awaitStatus(provider, "DOWNLOADED")).isEqualTo("DOWNLOADED");
    }

    @Test
    @Order(2)
    void internalAndManagementPathsAreNotReachableThroughTheGateway() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        HttpClient http = SharedPlatform.httpClient();
        List<String> paths = List.of(
                "/internal/shares/" + shareId + "/events",
                "/actuator/health",
                "/actuator/health/readiness",
                "/actuator/prometheus",
                "/api/../internal/shares/" + shareId + "/events",
                "/api/actuator/health",
                "/api/internal/shares/" + shareId + "/events");
        for (URI site : List.of(platform.providerUrl(), platform.clientUrl())) {
            for (String path : paths) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(site + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(site + path).isIn(400, 401, 403, 404);
                assertThat(r.body()).as(site + path).doesNotContain("\"events\"", "jvm_", "\"UP\"");
            }
        }
    }

    @Test
    @Order(3)
    void afterStopNothingIsLeftAndAfterStartTheDataIsStillThere() throws Exception {
        LocalPlatform platform = SharedPlatform.get();
        List<Long> pids = new ArrayList<>();
        platform.processes().values().forEach(pids::addAll);
        List<Integer> ports = platform.ports();
        assertThat(pids).hasSizeGreaterThanOrEqualTo(4);

        SharedPlatform.stop();
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("process " + pid)
                    .isFalse();
        }
        String dataDir = platform.options().dataDir().toString();
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains(dataDir))
                        .map(ProcessHandle::pid)
                        .toList())
                .as("processes using " + dataDir)
                .isEmpty();
        for (int port : ports) {
            assertThat(isFree(port)).as("port " + port).isTrue();
        }

        LocalPlatform again = SharedPlatform.get();
        HttpClient http = SharedPlatform.httpClient();
        ProviderApi provider = SharedPlatform.providerApi(again);
        provider.login(email, PASSWORD);
        assertThat(provider.get("/api/documents/" + documentId).get("title").asString())
                .isEqualTo("Annual accounts");
        ClientApi client = SharedPlatform.clientApi(again);
        assertThat(client.unlock(token, code).status()).isEqualTo(200);
    }

    private static String awaitStatus(ProviderApi provider, String wanted) throws InterruptedException {
        String status = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            status = provider.get("/api/shares/" + shareId).get("status").asString();
            if (status.equals(wanted)) {
                break;
            }
            Thread.sleep(250);
        }
        return status;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
