package ch.ontrack.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector in the test JVM: a real HTTP server taking what the backends' OTLP/HTTP exporters post
 * to {@code /v1/traces} (protobuf, as the OTLP specification defines it) and keeping every span it decodes.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One received span; ids in lowercase hex, the parent id empty for a root span. */
    public record ReceivedSpan(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            String kind,
            Map<String, String> attributes,
            List<String> linkedSpans) {

        public String attribute(String key) {
            return attributes.getOrDefault(key, "");
        }

        @Override
        public String toString() {
            return service + " " + kind + " \"" + name + "\" " + traceId + "/" + spanId + " parent=" + parentSpanId
                    + " " + attributes + (linkedSpans.isEmpty() ? "" : " links=" + linkedSpans);
        }
    }

    private static final HexFormat HEX = HexFormat.of();
    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    private OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    public static OtlpReceiver start() {
        return new OtlpReceiver();
    }

    /** The base URL, as OTEL_EXPORTER_OTLP_ENDPOINT takes it. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** Requests that were not an OTLP trace export ("POST /v1/traces" with a protobuf body). */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    /** Polls until the spans received so far satisfy {@code condition}; returns them either way. */
    public List<ReceivedSpan> await(Predicate<List<ReceivedSpan>> condition, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.test(spans()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return spans();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(exchange.getRequestMethod())
                    || !"/v1/traces".equals(exchange.getRequestURI().getPath())
                    || !"application/x-protobuf".equals(contentType)) {
                refused.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + contentType);
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service =
                        attributes(resource.getResource().getAttributesList()).getOrDefault("service.name", "");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (Span span : scope.getSpansList()) {
                        spans.add(new ReceivedSpan(
                                service,
                                HEX.formatHex(span.getTraceId().toByteArray()),
                                HEX.formatHex(span.getSpanId().toByteArray()),
                                HEX.formatHex(span.getParentSpanId().toByteArray()),
                                span.getName(),
                                span.getKind().name().replace("SPAN_KIND_", ""),
                                attributes(span.getAttributesList()),
                                span.getLinksList().stream()
                                        .map(l -> HEX.formatHex(l.getTraceId().toByteArray()) + "/"
                                                + HEX.formatHex(l.getSpanId().toByteArray()))
                                        .toList()));
                    }
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private static Map<String, String> attributes(List<KeyValue> keyValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (KeyValue kv : keyValues) {
            AnyValue v = kv.getValue();
            attributes.put(
                    kv.getKey(),
                    switch (v.getValueCase()) {
                        case STRING_VALUE -> v.getStringValue();
                        case INT_VALUE -> Long.toString(v.getIntValue());
                        case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
                        case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
                        default -> v.toString();
                    });
        }
        return attributes;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
