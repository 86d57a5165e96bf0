package ch.ontrack.provider;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.web.testing.PoolDrill;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

/** No request holds two pooled connections, so no number of parallel reads can deadlock the pool. */
class ConcurrentReadsTest extends ApiTest {

    @Autowired
    HikariDataSource pool;

    @Test
    void everyReadEndpointAnswersWithASingleFreeConnection() throws Exception {
        ApiSession browser = signedIn();
        Map<String, Callable<Integer>> reads = new LinkedHashMap<>();
        for (String path : readEndpoints(browser)) {
            reads.put("GET " + path, () -> browser.get(path).status());
        }
        PoolDrill.withOneFreeConnection(pool, reads);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyReadEndpointServesTwiceThePoolSizeInParallel() throws Exception {
        ApiSession browser = signedIn();
        // the browser keeps cookies for one caller at a time: the parallel callers share only its session
        String session = "__Host-oc-session=" + browser.cookie("__Host-oc-session");
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, Callable<Integer>> reads = new LinkedHashMap<>();
        for (String path : readEndpoints(browser)) {
            reads.put(
                    "GET " + path,
                    () -> http.send(
                                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                            .header("Cookie", session)
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode());
        }
        PoolDrill.twiceThePoolSizeInParallel(pool, reads);
    }

    /** One of each read the provider API has, on data of the signed-in provider. */
    private static List<String> readEndpoints(ApiSession browser) {
        UUID document = browser.post("/api/documents", TestData.document("Annual accounts"))
                .expect(201)
                .id();
        UUID file = browser.upload(
                        "/api/documents/" + document + "/files", "accounts.pdf", "application/pdf", DocumentApiTest.PDF)
                .expect(201)
                .id();
        UUID client = browser.post("/api/clients", TestData.client("Anna"))
                .expect(201)
                .id();
        UUID share = browser.post("/api/documents/" + document + "/shares", TestData.shareTo("anna@example.ch"))
                .expect(201)
                .id();
        return List.of(
                "/api/documents",
                "/api/documents/" + document,
                "/api/documents/" + document + "/files/" + file,
                "/api/documents/" + document + "/shares",
                "/api/shares/" + share,
                "/api/clients",
                "/api/clients/" + client,
                "/api/auth/me",
                "/api/health");
    }
}
