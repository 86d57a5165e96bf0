import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.apiclient.ClientApi;
import ch.ontrack.apiclient.ProviderApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Load on the client read path (not a test). A "full read" is the document, then its 1 MB file. Prepares its data
 * with the platform's API client (libs/api-client), which needs on the class path with Jackson
 * (scripts/bench-platform.sh's bench_java).
 *
 * <pre>
 * java ClientReadBench.java PROVIDER_URL CLIENT_URL CA_PEM CONNECTIONS WARMUP_S DURATION_S [SAVE_DIR]
 *     closed model: CONNECTIONS each repeat full reads for the time given. With CONNECTIONS 0 it only prepares
 *     the share and prints TOKEN=, FILE_ID=, FILE_SIZE= and COOKIE= lines for another load generator; with
 *     SAVE_DIR it also saves the document's JSON and the file's bytes there (document.json, file.bin).
 * java ClientReadBench.java rate BASE_URL RATE WARMUP_S DURATION_S
 *     open model: RATE full reads per second started on schedule, whether or not earlier ones finished.
 * java ClientReadBench.java max BASE_URL START_RATE STEP_WARMUP_S STEP_S MAX_MEASURED_S
 *     the highest rate whose step has p99 of at most 50 ms and no error: doubles from START_RATE until a step
 *     fails, then halves the interval between the last passing and the first failing rate.
 * </pre>
 *
 * <p>rate and max read TOKEN, FILE_ID, FILE_SIZE and COOKIE from the environment and send plain HTTP to BASE_URL
 * (the backend's API port, or a static server with the same paths). Latency is measured from the moment a read
 * was due, not from when it could start, so a stalled server shows in the figures instead of slowing the load
 * (no coordinated omission).
 */
public class ClientReadBench {

    static final double P99_TARGET_MS = 50;
    static final int MAX_IN_FLIGHT = 1000;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Idle keep-alive connections the JDK keeps per server (its default is 5: more reads at once reconnect). */
    static final int KEEP_ALIVE = 1000;

    public static void main(String[] args) throws Exception {
        System.setProperty("http.maxConnections", Integer.toString(KEEP_ALIVE));
        switch (args[0]) {
            case "rate" -> {
                Target target = Target.fromEnvironment(URI.create(args[1]));
                Result r = target.constantRate(Double.parseDouble(args[2]), seconds(args[3]), seconds(args[4]));
                System.out.println(r.line());
            }
            case "max" -> {
                Target target = Target.fromEnvironment(URI.create(args[1]));
                maxRate(target, Double.parseDouble(args[2]), seconds(args[3]), seconds(args[4]), seconds(args[5]));
            }
            default -> closedModel(args);
        }
    }

    static Duration seconds(String s) {
        return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
    }

    // ---- open model ----------------------------------------------------------------------------------------------

    /**
     * The document and file addresses of one unlocked share. Requests go through the JDK's blocking
     * {@link HttpURLConnection} with keep-alive (up to {@value #KEEP_ALIVE} idle connections kept): it streams a body
     * straight from the socket into one buffer, where {@code java.net.http.HttpClient} spent more CPU per 1 MB read
     * than the backend serving it, on the same two cores.
     */
    record Target(URI document, URI file, String cookie, long fileSize) {

        static Target fromEnvironment(URI base) {
            String token = System.getenv("TOKEN");
            return new Target(
                    base.resolve("/api/shares/" + token + "/document"),
                    base.resolve("/api/shares/" + token + "/files/" + System.getenv("FILE_ID")),
                    System.getenv("COOKIE"),
                    Long.parseLong(System.getenv("FILE_SIZE")));
        }

        /** One full read; null when it worked, else what went wrong. */
        String fullRead(byte[] sink) {
            try {
                long[] bytes = new long[1];
                int status = get(document, sink, bytes);
                if (status != 200 || bytes[0] == 0) {
                    return "document " + status;
                }
                status = get(file, sink, bytes);
                if (status != 200) {
                    return "file " + status;
                }
                return bytes[0] == fileSize ? null : "file short";
            } catch (IOException e) {
                return e.getClass().getSimpleName();
            }
        }

        /** The status; the body is read to its end (so the connection is kept) and its length put in {@code length}. */
        private int get(URI uri, byte[] sink, long[] length) throws IOException {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
            connection.setRequestProperty("Cookie", cookie);
            int status = connection.getResponseCode();
            InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            long total = 0;
            if (body != null) {
                try (InputStream in = body) {
                    for (int n; (n = in.read(sink)) > 0; ) {
                        total += n;
                    }
                }
            }
            length[0] = total;
            return status;
        }

        /**
         * Starts full reads at {@code rate} per second on a fixed schedule for {@code warmup + duration}; those due in
         * the last {@code duration} count. A read that cannot start because {@value #MAX_IN_FLIGHT} are still running
         * counts as an error ("overload").
         */
        Result constantRate(double rate, Duration warmup, Duration duration) throws InterruptedException {
            long interval = Math.round(1e9 / rate);
            long start = System.nanoTime() + 50_000_000L;
            long measureFrom = start + warmup.toNanos();
            long measureTo = measureFrom + duration.toNanos();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            Map<String, LongAdder> errors = new ConcurrentHashMap<>();
            Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
            ThreadLocal<byte[]> sinks = ThreadLocal.withInitial(() -> new byte[64 * 1024]);
            ExecutorService workers = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "read");
                t.setDaemon(true);
                return t;
            });
            long scheduledMeasured = 0;
            for (long i = 0; ; i++) {
                long due = start + i * interval;
                if (due >= measureTo) {
                    break;
                }
                for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                }
                boolean measured = due >= measureFrom;
                scheduledMeasured += measured ? 1 : 0;
                if (!inFlight.tryAcquire()) {
                    if (measured) {
                        errors.computeIfAbsent("overload", k -> new LongAdder()).increment();
                    }
                    continue;
                }
                workers.execute(() -> {
                    try {
                        String error = fullRead(sinks.get());
                        long done = System.nanoTime();
                        if (measured) {
                            if (error == null) {
                                latencies.add(done - due);
                            } else {
                                errors.computeIfAbsent(error, k -> new LongAdder())
                                        .increment();
                            }
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
            boolean finished = inFlight.tryAcquire(MAX_IN_FLIGHT, REQUEST_TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS);
            workers.shutdownNow();
            long[] sorted =
                    latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            Map<String, Long> kinds = new TreeMap<>();
            errors.forEach((k, v) -> kinds.put(k, v.sum()));
            if (!finished) {
                kinds.merge(
                        "unfinished",
                        scheduledMeasured
                                - sorted.length
                                - kinds.values().stream().mapToLong(x -> x).sum(),
                        Long::sum);
            }
            return new Result(rate, duration, scheduledMeasured, sorted, kinds);
        }
    }

    /** The reads due in the measured window: latencies of those that worked (sorted, ns) and the errors by kind. */
    record Result(double rate, Duration duration, long scheduled, long[] latencies, Map<String, Long> errors) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        boolean meetsTarget() {
            return errorCount() == 0 && latencies.length > 0 && pct(latencies, 99) <= P99_TARGET_MS;
        }

        String line() {
            double s = duration.toNanos() / 1e9;
            return String.format(
                    "rate=%.0f seconds=%.0f scheduled=%d ok=%d errors=%d achieved_per_second=%.1f"
                            + " p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f%s",
                    rate,
                    s,
                    scheduled,
                    latencies.length,
                    errorCount(),
                    latencies.length / s,
                    pct(latencies, 50),
                    pct(latencies, 90),
                    pct(latencies, 99),
                    latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
                    errors.isEmpty() ? "" : " error_kinds=" + errors.toString().replace(" ", ""));
        }
    }

    /**
     * Doubles the rate from {@code startRate} until a step misses the target (or the measured time is used up), then
     * halves the interval between the last rate that met it and the first that did not while time remains.
     */
    static void maxRate(Target target, double startRate, Duration stepWarmup, Duration step, Duration budget)
            throws InterruptedException {
        double good = 0;
        double bad = Double.NaN;
        double rate = startRate;
        long left = budget.toNanos();
        while (left >= step.toNanos()) {
            Result r = target.constantRate(rate, stepWarmup, step);
            left -= step.toNanos();
            System.out.println("step " + r.line() + (r.meetsTarget() ? " pass" : " miss"));
            if (r.meetsTarget()) {
                good = rate;
            } else {
                bad = rate;
            }
            double next = Double.isNaN(bad) ? rate * 2 : Math.floor((good + bad) / 2 / 10) * 10;
            if (next <= good || (!Double.isNaN(bad) && next >= bad) || (!Double.isNaN(bad) && bad - good <= 20)) {
                break;
            }
            rate = next;
            Thread.sleep(1000); // let what the previous step left behind drain
        }
        System.out.printf(
                "max_rate=%.0f%s%n",
                good,
                Double.isNaN(bad)
                        ? " (every step met the target; the measured time ran out)"
                        : String.format(" first_miss=%.0f", bad));
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    // ---- preparation and the closed model ------------------------------------------------------------------------

    static void closedModel(String[] args) throws Exception {
        URI provider = URI.create(args[0]);
        URI client = URI.create(args[1]);
        SSLContext tls = trusting(Path.of(args[2]));
        int connections = Integer.parseInt(args[3]);
        Duration warmup = seconds(args[4]);
        Duration duration = seconds(args[5]);

        byte[] file = pdfLike(1024 * 1024);
        Shared shared = share(tls, provider, client, "Bench", file);
        String token = shared.token();
        String fileId = shared.fileId();
        URI documentUri = client.resolve("/api/shares/" + token + "/document");
        URI fileUri = client.resolve("/api/shares/" + token + "/files/" + fileId);
        String cookie = shared.clientCookie();
        if (connections == 0) {
            if (args.length > 6) {
                Path dir = Files.createDirectories(Path.of(args[6]));
                Files.write(
                        dir.resolve("document.json"),
                        shared.client().document(token).expectOk().body());
                Files.write(
                        dir.resolve("file.bin"),
                        shared.client().file(token, fileId).expectOk().body());
            }
            System.out.println("TOKEN=" + token);
            System.out.println("FILE_ID=" + fileId);
            System.out.println("FILE_SIZE=" + file.length);
            System.out.println("COOKIE=" + cookie);
            return;
        }

        HttpsURLConnection.setDefaultSSLSocketFactory(tls.getSocketFactory());
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long end = warmupEnd + duration.toNanos();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Target target = new Target(documentUri, fileUri, cookie, file.length);
            long[] samples = new long[1_000_000];
            latencies.add(samples);
            int slot = i;
            Thread t = new Thread(() -> {
                int n = 0;
                byte[] sink = new byte[64 * 1024];
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    if (target.fullRead(sink) != null) {
                        errors.incrementAndGet();
                        continue;
                    }
                    long stop = System.nanoTime();
                    if (start >= warmupEnd && n < samples.length) {
                        samples[n++] = stop - start;
                    }
                }
                latencies.set(slot, Arrays.copyOf(samples, n));
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = duration.toNanos() / 1e9;
        System.out.printf(
                "connections=%d duration=%ds full_reads=%d errors=%d%n",
                connections, duration.toSeconds(), all.length, errors.get());
        System.out.printf("full_reads_per_second=%.1f%n", all.length / seconds);
        System.out.printf(
                "p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                pct(all, 50), pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    /** A provider account with a client and a document holding {@code file}, shared and unlocked once. */
    record Shared(
            ApiSession provider, String documentId, String clientId, String token, String fileId, ClientApi client) {
        String clientCookie() {
            return cookieHeader(client.cookies());
        }
    }

    static String cookieHeader(Map<String, String> cookies) {
        return String.join(
                "; ",
                cookies.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList());
    }

    static Shared share(SSLContext tls, URI provider, URI client, String label, byte[] file) {
        ProviderApi p = new ProviderApi(ApiSession.builder(provider).tls(tls).build());
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String prefix = label.toLowerCase(java.util.Locale.ROOT);
        String email = prefix + "-" + unique + "@example.com";
        p.signup(email, "benchmark passphrase", label + " " + unique);
        p.verifyEmail(mailedToken(tls, provider, email));
        String clientId = p.createClient(label + " client", "client-" + unique + "@example.com")
                .get("id")
                .asString();
        String documentId =
                p.createDocument(label, "Read again and again.").get("id").asString();
        p.uploadFile(documentId, prefix + ".pdf", "application/pdf", file);
        JsonNode share = p.share(documentId, clientId, Instant.now().plus(Duration.ofDays(1)));
        String link = share.get("link").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);
        ClientApi c = new ClientApi(ApiSession.builder(client).tls(tls).build());
        JsonNode files = c.unlock(token, share.get("accessCode").asString())
                .expectOk()
                .json()
                .path("files");
        if (files.isEmpty()) {
            throw new IllegalStateException("no file in the unlocked share");
        }
        return new Shared(
                p.session(), documentId, clientId, token, files.get(0).get("id").asString(), c);
    }

    /**
     * The token of the address verification mailed to {@code email}, from the local mail catcher's
     * {@code /api/messages} at the provider's address with {@code mail.} instead of {@code provider.}.
     */
    static String mailedToken(SSLContext tls, URI provider, String email) {
        ApiSession mail = ApiSession.builder(URI.create(provider.toString().replace("://provider.", "://mail.")))
                .tls(tls)
                .build();
        Pattern link = Pattern.compile("/verify-email#([A-Za-z0-9_-]+)");
        for (long deadline = System.nanoTime() + 30_000_000_000L; System.nanoTime() < deadline; pause()) {
            for (JsonNode message : mail.get("/api/messages").expectOk().json()) {
                Matcher m = link.matcher(message.path("body").asString(""));
                if (message.path("to").asString("").contains(email) && m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new IllegalStateException("no verification mail reached " + email + " within 30 s");
    }

    private static void pause() {
        LockSupport.parkNanos(200_000_000L);
    }

    /** {@code size} random bytes that start like a PDF (so the upload's type check accepts them). */
    static byte[] pdfLike(int size) {
        byte[] file = new byte[size];
        new SecureRandom().nextBytes(file);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, file, 0, 9);
        return file;
    }

    static SSLContext trusting(Path caPem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            store.setCertificateEntry(
                    "local-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }
}
