package ch.ontrack.client;

import ch.ontrack.web.testing.PoolDrill;
import com.zaxxer.hikari.HikariDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
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
        PoolDrill.withOneFreeConnection(pool, readEndpoints());
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyReadEndpointServesTwiceThePoolSizeInParallel() throws Exception {
        PoolDrill.twiceThePoolSizeInParallel(pool, readEndpoints());
    }

    /** One of each read the client API and the internal API have, on an unlocked share. */
    private Map<String, Callable<Integer>> readEndpoints() {
        var share = shares.share().pdf().deliver();
        String cookie = UnlockTest.cookieOf(client.unlock(share.token(), share.code()));
        String shareUrl = "/api/shares/" + share.token();
        String file = shareUrl + "/files/" + share.file(0).id();
        Map<String, Callable<Integer>> reads = new LinkedHashMap<>();
        reads.put("share state", () -> site.exchange("GET", shareUrl, null).status());
        reads.put(
                "document",
                () -> site.exchange("GET", shareUrl + "/document", null, "Cookie", cookie)
                        .status());
        reads.put(
                "file", () -> site.exchange("GET", file, null, "Cookie", cookie).status());
        reads.put(
                "inline file",
                () -> site.exchange("GET", file + "?inline=true", null, "Cookie", cookie)
                        .status());
        reads.put(
                "events",
                () -> internal.exchange("GET", "/internal/shares/" + share.id() + "/events", null)
                        .status());
        reads.put("health", () -> site.exchange("GET", "/api/health", null).status());
        return reads;
    }
}
