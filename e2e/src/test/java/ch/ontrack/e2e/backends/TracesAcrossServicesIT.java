package ch.ontrack.e2e.backends;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.e2e.OtlpReceiver;
import ch.ontrack.e2e.OtlpReceiver.ReceivedSpan;
import ch.ontrack.e2e.SharedPlatform;
import ch.ontrack.launcher.LocalPlatform;
import ch.ontrack.launcher.topology.LaunchOptions;
import ch.ontrack.launcher.topology.LocalTopology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Both backends export their traces over OTLP/HTTP to a collector in the test JVM (OTEL_EXPORTER_OTLP_ENDPOINT):
 * a send is one trace with spans of both, the client backend continuing the provider backend's calls; a delivery
 * the worker makes later is a trace of its own, linked to the send; the JSON log lines carry the trace ids.
 */
class TracesAcrossServicesIT {

    private static final String PROVIDER = LocalTopology.PROVIDER_BACKEND;
    private static final String CLIENT = LocalTopology.CLIENT_BACKEND;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = new JsonMapper();

    private static OtlpReceiver otlp;
    private static Path data;
    private static LocalPlatform platform;

    @BeforeAll
    static void start() throws IOException {
        otlp = OtlpReceiver.start();
        data = Files.createTempDirectory("oc-e2e-");
        LaunchOptions options = LaunchOptions.forTests(SharedPlatform.repoRoot(), data);
        for (String backend : LocalTopology.BACKENDS) {
            options = options.withJvmOptions(backend, "-Xmx384m")
                    .withEnv(backend, "OTEL_EXPORTER_OTLP_ENDPOINT", otlp.endpoint());
        }
        platform = LocalPlatform.start(options);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (platform != null) {
                platform.close();
            }
        } finally {
            otlp.close();
            try (Stream<Path> walk = Files.walk(data)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Sharing prepare() {
        return Sharing.prepare(SharedPlatform.providerApi(platform), platform);
    }

    @Test
    void oneSendIsOneTraceWithTheClientBackendsSpansUnderTheProviderBackendsCalls() throws Exception {
        Sharing sharing = prepare();
        Sharing.Sent sent = sharing.send();
        assertThat(sent.status()).isEqualTo("DELIVERED");
        String share = "/internal/shares/" + sent.id();

        List<ReceivedSpan> spans = otlp.await(
                s -> send(s, sharing)
                        .map(send -> served(trace(s, send.traceId()), share).stream()
                                .anyMatch(c -> c.attribute("http.url").equals(share)))
                        .orElse(false),
                PATIENCE);
        ReceivedSpan send = send(spans, sharing).orElseThrow(() -> new AssertionError("no span of the send: " + spans));
        List<ReceivedSpan> trace = trace(spans, send.traceId());
        print("The trace of one send", trace);

        assertThat(trace).extracting(ReceivedSpan::service).contains(PROVIDER, CLIENT);
        assertThat(trace)
                .as("one trace: the send is its only root")
                .filteredOn(s -> !s.spanId().equals(send.spanId()))
                .allSatisfy(s -> assertThat(ids(trace)).contains(s.parentSpanId()));
        Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, s -> s));
        List<ReceivedSpan> calls = calls(trace, share);
        assertThat(calls)
                .extracting(c -> c.attribute("http.url"))
                .anyMatch(url -> url.endsWith(share))
                .anyMatch(url -> url.contains(share + "/files/"));
        assertThat(calls).allSatisfy(call -> assertThat(ancestors(call, byId)).contains(send.spanId()));
        // every call the provider backend made is served by the client backend as a child of the call's span
        List<ReceivedSpan> served = served(trace, share);
        assertThat(served)
                .allSatisfy(server ->
                        assertThat(calls).extracting(ReceivedSpan::spanId).contains(server.parentSpanId()));
        ReceivedSpan sharePut = served.stream()
                .filter(s -> s.attribute("http.url").equals(share))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no server span of PUT " + share + ": " + trace));
        ReceivedSpan call = byId.get(sharePut.parentSpanId());
        assertThat(call.service()).isEqualTo(PROVIDER);
        assertThat(call.kind()).isEqualTo("CLIENT");
        assertThat(call.attribute("http.url")).endsWith(share);
        assertThat(call.attribute("method")).isEqualTo("PUT");

        // the JSON log lines of the work in this trace carry its ids where ECS puts them
        JsonNode delivered = logLine(PROVIDER, "Share " + sent.id() + " delivered to the client backend");
        assertThat(delivered.path("trace").path("id").asString()).isEqualTo(send.traceId());
        assertThat(ids(trace)).contains(delivered.path("span").path("id").asString());
        JsonNode received = logLine(CLIENT, "Share " + sent.id() + " delivered by the provider backend");
        assertThat(received.path("trace").path("id").asString()).isEqualTo(send.traceId());
        assertThat(ids(trace)).contains(received.path("span").path("id").asString());
        assertThat(otlp.refused()).isEmpty();
    }

    @Test
    void aDeliveryByTheWorkerIsATraceOfItsOwnLinkedToTheSend() throws Exception {
        Sharing sharing = prepare();
        Sharing.Sent sent;
        platform.stopComponent(CLIENT);
        try {
            sent = sharing.send();
            assertThat(sent.status()).isEqualTo("PENDING_DELIVERY");
        } finally {
            platform.startComponent(CLIENT);
        }
        assertThat(sharing.awaitStatus(sent.id(), "DELIVERED", PATIENCE)).isEqualTo("DELIVERED");
        String share = "/internal/shares/" + sent.id();

        Function<List<ReceivedSpan>, Optional<ReceivedSpan>> delivery = s -> s.stream()
                .filter(d -> d.service().equals(PROVIDER)
                        && d.name().equals("outbox deliver")
                        && d.attribute("oc.share.id").equals(sent.id()))
                .filter(d -> served(trace(s, d.traceId()), share).stream()
                        .anyMatch(c -> c.attribute("http.url").equals(share)))
                .findFirst();
        List<ReceivedSpan> spans = otlp.await(
                s -> send(s, sharing).isPresent() && delivery.apply(s).isPresent(), PATIENCE);
        ReceivedSpan send = send(spans, sharing).orElseThrow(() -> new AssertionError("no span of the send: " + spans));
        ReceivedSpan worker = delivery.apply(spans)
                .orElseThrow(
                        () -> new AssertionError("no delivery by the worker reached the client backend: " + spans));

        assertThat(worker.traceId()).isNotEqualTo(send.traceId());
        assertThat(worker.parentSpanId()).as("the root of its trace").isEmpty();
        Set<String> sendTrace = new HashSet<>(ids(trace(spans, send.traceId())));
        assertThat(worker.linkedSpans())
                .as("linked to the request that queued it")
                .singleElement()
                .satisfies(link -> {
                    assertThat(link).startsWith(send.traceId() + "/");
                    assertThat(sendTrace).contains(link.substring(link.indexOf('/') + 1));
                });
        assertThat(Integer.parseInt(worker.attribute("oc.outbox.attempt"))).isGreaterThanOrEqualTo(2);
        List<ReceivedSpan> trace = trace(spans, worker.traceId());
        print("The trace of a delivery by the worker", trace);
        Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, s -> s));
        ReceivedSpan sharePut = served(trace, share).stream()
                .filter(s -> s.attribute("http.url").equals(share))
                .findFirst()
                .orElseThrow();
        assertThat(byId).containsKey(sharePut.parentSpanId());
        assertThat(byId.get(sharePut.parentSpanId()).kind()).isEqualTo("CLIENT");
        assertThat(ancestors(sharePut, byId)).contains(worker.spanId());
    }

    /** The provider backend's server span of the POST that sent the sharing's document. */
    private static Optional<ReceivedSpan> send(List<ReceivedSpan> spans, Sharing sharing) {
        return spans.stream()
                .filter(s -> s.service().equals(PROVIDER)
                        && s.kind().equals("SERVER")
                        && s.attribute("method").equals("POST")
                        && s.attribute("http.url").endsWith("/api/documents/" + sharing.documentId() + "/shares"))
                .findFirst();
    }

    private static List<ReceivedSpan> trace(List<ReceivedSpan> spans, String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    /** The provider backend's calls about the share. */
    private static List<ReceivedSpan> calls(List<ReceivedSpan> trace, String share) {
        return trace.stream()
                .filter(s -> s.service().equals(PROVIDER)
                        && s.kind().equals("CLIENT")
                        && s.attribute("http.url").contains(share))
                .toList();
    }

    /** The client backend's server spans of the internal API calls about the share. */
    private static List<ReceivedSpan> served(List<ReceivedSpan> trace, String share) {
        return trace.stream()
                .filter(s -> s.service().equals(CLIENT)
                        && s.kind().equals("SERVER")
                        && s.attribute("http.url").startsWith(share))
                .toList();
    }

    private static List<String> ids(List<ReceivedSpan> spans) {
        return spans.stream().map(ReceivedSpan::spanId).toList();
    }

    private static List<String> ancestors(ReceivedSpan span, Map<String, ReceivedSpan> byId) {
        List<String> ancestors = new java.util.ArrayList<>();
        for (ReceivedSpan parent = byId.get(span.parentSpanId());
                parent != null;
                parent = byId.get(parent.parentSpanId())) {
            ancestors.add(parent.spanId());
        }
        return ancestors;
    }

    /** The trace as an indented tree on the test output: what docs/operations.md describes. */
    private static void print(String title, List<ReceivedSpan> trace) {
        StringBuilder out = new StringBuilder(title).append(":\n");
        Set<String> ids = new HashSet<>(ids(trace));
        trace.stream().filter(s -> !ids.contains(s.parentSpanId())).forEach(root -> print(out, root, trace, 1));
        System.out.print(out);
    }

    private static void print(StringBuilder out, ReceivedSpan span, List<ReceivedSpan> trace, int depth) {
        out.append("  ".repeat(depth))
                .append(span.service())
                .append(" ")
                .append(span.kind())
                .append(" \"")
                .append(span.name())
                .append("\"")
                .append(span.linkedSpans().isEmpty() ? "" : " links " + span.linkedSpans())
                .append('\n');
        trace.stream()
                .filter(s -> s.parentSpanId().equals(span.spanId()))
                .forEach(s -> print(out, s, trace, depth + 1));
    }

    /** The backend's JSON log line with this message. */
    private static JsonNode logLine(String backend, String message) throws IOException {
        Path log = data.resolve("logs").resolve(backend + ".log");
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("{") && line.contains(message)) {
                JsonNode json = JSON.readTree(line);
                if (json.path("message").asString().equals(message)) {
                    return json;
                }
            }
        }
        throw new AssertionError("no line \"" + message + "\" in " + log);
    }
}
