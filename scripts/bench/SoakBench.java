import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;

/**
 * Soak load (not a test): N connections through the local HTTPS gateway, each repeating a mix of
 * the main read and write operations of both backends for the given time. Prints requests, errors
 * (by operation and status) and latency percentiles per operation and overall.
 *
 * <p>Reads: the provider's document list, one document and its clients; the client's share state,
 * document and file. Writes: a new document, a document update, a new client, and a send (which
 * writes to both backends: the provider's share, the client backend's share and file copy).
 *
 * <p>Compiled together with ClientReadBench.java (its share preparation, trusting and pct), with the API client and
 * Jackson on the class path: java -cp DIR:JACKSON SoakBench PROVIDER_URL CLIENT_URL CA_PEM CONNECTIONS WARMUP_S DURATION_S
 */
public class SoakBench {

    /** What one connection does, with its weight in the mix. */
    enum Op {
        PROVIDER_LIST(14),
        PROVIDER_DOCUMENT(14),
        PROVIDER_CLIENTS(8),
        CLIENT_STATE(10),
        CLIENT_DOCUMENT(14),
        CLIENT_FILE(14),
        CREATE_DOCUMENT(8),
        UPDATE_DOCUMENT(6),
        CREATE_CLIENT(6),
        SEND(6);

        final int weight;

        Op(int weight) {
            this.weight = weight;
        }
    }

    /** One provider account with a document, a client and an unlocked share, used by several connections. */
    record Account(
            String providerCookie,
            String xsrfToken,
            String documentId,
            String clientId,
            String token,
            String fileId,
            String clientCookie) {}

    static final int CONNECTIONS_PER_ACCOUNT = 5;
    static final byte[] FILE = ClientReadBench.pdfLike(64 * 1024);

    public static void main(String[] args) throws Exception {
        URI provider = URI.create(args[0]);
        URI client = URI.create(args[1]);
        SSLContext tls = ClientReadBench.trusting(Path.of(args[2]));
        int connections = Integer.parseInt(args[3]);
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[4]));
        Duration duration = Duration.ofSeconds(Long.parseLong(args[5]));

        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < (connections + CONNECTIONS_PER_ACCOUNT - 1) / CONNECTIONS_PER_ACCOUNT; i++) {
            accounts.add(account(tls, provider, client));
        }
        Op[] mix = Arrays.stream(Op.values())
                .flatMap(o -> java.util.stream.Stream.generate(() -> o).limit(o.weight))
                .toArray(Op[]::new);
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long end = warmupEnd + duration.toNanos();
        Map<Op, List<long[]>> latencies = new ConcurrentHashMap<>();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Account account = accounts.get(i / CONNECTIONS_PER_ACCOUNT);
            HttpClient http = HttpClient.newBuilder()
                    .sslContext(tls)
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            Thread t = new Thread(() -> {
                Map<Op, long[]> samples = new java.util.EnumMap<>(Op.class);
                Map<Op, Integer> counts = new java.util.EnumMap<>(Op.class);
                for (Op o : Op.values()) {
                    samples.put(o, new long[200_000]);
                    counts.put(o, 0);
                }
                while (System.nanoTime() < end) {
                    Op op = mix[ThreadLocalRandom.current().nextInt(mix.length)];
                    long start = System.nanoTime();
                    String failure;
                    try {
                        int status = run(op, http, account, provider, client);
                        failure = status / 100 == 2 ? null : op + " " + status;
                    } catch (Exception e) {
                        failure = op + " " + e.getClass().getSimpleName();
                    }
                    long stop = System.nanoTime();
                    if (start < warmupEnd) {
                        continue;
                    }
                    if (failure != null) {
                        errors.computeIfAbsent(failure, k -> new LongAdder()).increment();
                    }
                    int n = counts.get(op);
                    if (n < samples.get(op).length) {
                        samples.get(op)[n] = stop - start;
                        counts.put(op, n + 1);
                    }
                }
                samples.forEach((op, s) -> latencies
                        .computeIfAbsent(op, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add(Arrays.copyOf(s, counts.get(op))));
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long total = 0;
        long failed = errors.values().stream().mapToLong(LongAdder::sum).sum();
        List<long[]> everything = new ArrayList<>();
        System.out.printf(
                "connections=%d warmup=%ds duration=%ds%n", connections, warmup.toSeconds(), duration.toSeconds());
        for (Op op : Op.values()) {
            long[] all = latencies.getOrDefault(op, List.of()).stream()
                    .flatMapToLong(Arrays::stream)
                    .sorted()
                    .toArray();
            everything.add(all);
            total += all.length;
            System.out.printf(
                    "%-17s requests=%7d p50_ms=%7.1f p99_ms=%7.1f max_ms=%7.1f%n",
                    op.name().toLowerCase(),
                    all.length,
                    ClientReadBench.pct(all, 50),
                    ClientReadBench.pct(all, 99),
                    all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        }
        long[] all = everything.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(
                "requests=%d errors=%d requests_per_second=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                total,
                failed,
                total / (duration.toNanos() / 1e9),
                ClientReadBench.pct(all, 50),
                ClientReadBench.pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        new TreeMap<>(errors).forEach((k, v) -> System.out.println("error " + k + " x" + v.sum()));
    }

    static int run(Op op, HttpClient http, Account a, URI provider, URI client) throws Exception {
        String docs = "/api/documents/" + a.documentId();
        String share = "/api/shares/" + a.token();
        return switch (op) {
            case PROVIDER_LIST -> exchange(http, a, provider, "GET", "/api/documents?limit=20", null);
            case PROVIDER_DOCUMENT -> exchange(http, a, provider, "GET", docs, null);
            case PROVIDER_CLIENTS -> exchange(http, a, provider, "GET", "/api/clients", null);
            case CLIENT_STATE -> exchange(http, a, client, "GET", share, null);
            case CLIENT_DOCUMENT -> exchange(http, a, client, "GET", share + "/document", null);
            case CLIENT_FILE -> exchange(http, a, client, "GET", share + "/files/" + a.fileId(), null);
            case CREATE_DOCUMENT ->
                exchange(
                        http,
                        a,
                        provider,
                        "POST",
                        "/api/documents",
                        "{\"title\":\"Soak " + UUID.randomUUID() + "\",\"message\":\"Written under load.\"}");
            case UPDATE_DOCUMENT ->
                exchange(
                        http,
                        a,
                        provider,
                        "PUT",
                        docs,
                        "{\"title\":\"Soak document\",\"message\":\"Updated " + Instant.now() + "\"}");
            case CREATE_CLIENT ->
                exchange(
                        http,
                        a,
                        provider,
                        "POST",
                        "/api/clients",
                        "{\"name\":\"Soak client\",\"email\":\"soak-" + UUID.randomUUID() + "@example.com\"}");
            case SEND ->
                exchange(
                        http,
                        a,
                        provider,
                        "POST",
                        docs + "/shares",
                        "{\"clientId\":\"" + a.clientId() + "\",\"expiresAt\":\""
                                + Instant.now().plus(Duration.ofDays(1)) + "\"}");
        };
    }

    /** One request on this connection with the account's provider session or the share's session. */
    static int exchange(HttpClient http, Account a, URI site, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(site.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        if (json != null) {
            r.header("Content-Type", "application/json");
        }
        if (site.getHost().startsWith("provider")) {
            r.header("Cookie", a.providerCookie());
            if (!method.equals("GET")) {
                r.header("X-XSRF-TOKEN", a.xsrfToken());
            }
        } else {
            r.header("Cookie", a.clientCookie());
        }
        HttpResponse<byte[]> response = http.send(r.build(), BodyHandlers.ofByteArray());
        return response.statusCode();
    }

    static Account account(SSLContext tls, URI provider, URI client) throws Exception {
        ClientReadBench.Shared s = ClientReadBench.share(tls, provider, client, "Soak", FILE);
        return new Account(
                ClientReadBench.cookieHeader(s.provider().cookies()),
                s.provider().cookie("XSRF-TOKEN"),
                s.documentId(),
                s.clientId(),
                s.token(),
                s.fileId(),
                s.clientCookie());
    }
}
