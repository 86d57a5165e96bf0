package ch.ontrack.provider.sharing;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What trace an outbox item's work belongs to (docs/adr/0291). Tried at once, it is part of the request that queued
 * it. Tried later by the worker, each attempt is a trace of its own whose root span links to the span of that
 * request, kept in the outbox row as a W3C traceparent.
 */
@Component
class DeliveryTraces {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private final Tracer tracer;

    DeliveryTraces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The current span as a W3C traceparent ({@code 00-<trace id>-<span id>-<flags>}); null outside any trace. */
    String current() {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        TraceContext context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    /** Runs the worker's attempt at {@code item} in a new trace, its root span linked to the request that queued it. */
    <T> T inNewTrace(Outbox.Item item, Supplier<T> work) {
        Span.Builder builder = tracer.spanBuilder()
                .setNoParent()
                .name("outbox " + item.kind().name().toLowerCase(Locale.ROOT))
                .tag("oc.share.id", item.shareId().toString())
                .tag("oc.outbox.attempt", item.attempts() + 1L);
        TraceContext queuedBy = parse(item.traceParent());
        if (queuedBy != null) {
            builder = builder.addLink(new Link(queuedBy));
        }
        Span span = builder.start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private TraceContext parse(String traceParent) {
        Matcher m = traceParent == null ? null : TRACEPARENT.matcher(traceParent);
        if (m == null || !m.matches()) {
            return null;
        }
        return tracer.traceContextBuilder()
                .traceId(m.group(1))
                .spanId(m.group(2))
                .sampled((Integer.parseInt(m.group(3), 16) & 1) == 1)
                .build();
    }
}
