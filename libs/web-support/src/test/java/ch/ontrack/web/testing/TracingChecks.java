package ch.ontrack.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.context.ApplicationContext;

/** Both backends: without OTEL_EXPORTER_OTLP_ENDPOINT requests are traced, but nothing exports the spans. */
public final class TracingChecks {

    private TracingChecks() {}

    public static void assertTracedWithoutExporter(ApplicationContext context) {
        assertThat(System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT"))
                .as("this check's premise")
                .isNullOrEmpty();
        assertThat(context.getBean(Tracer.class)).isInstanceOf(OtelTracer.class);
        assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
    }
}
