package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Without OTEL_EXPORTER_OTLP_ENDPOINT (as here) requests are traced, but nothing exports the spans. */
class TracingTest extends ApiTest {

  @Autowired ApplicationContext context;

  @Test
  void requestsAreTracedButNoSpanLeavesWithoutACollector() {
    assertThat(System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT")).as("this test's premise").isNullOrEmpty();
    assertThat(context.getBean(Tracer.class)).isInstanceOf(OtelTracer.class);
    assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
  }
}
