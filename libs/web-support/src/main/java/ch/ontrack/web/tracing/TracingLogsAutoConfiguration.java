package ch.ontrack.web.tracing;

import io.micrometer.tracing.otel.bridge.Slf4JEventListener;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The current trace and span ids go to the logs' MDC as {@code trace.id} and {@code span.id}, so the ECS JSON
 * lines carry them where ECS puts them ({@code "trace":{"id":…},"span":{"id":…}}) instead of Micrometer's
 * {@code traceId} and {@code spanId}.
 */
@AutoConfiguration(
        beforeName =
                "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration")
@ConditionalOnClass(Slf4JEventListener.class)
public class TracingLogsAutoConfiguration {

    public static final String TRACE_ID = "trace.id";
    public static final String SPAN_ID = "span.id";

    @Bean
    Slf4JEventListener ecsSlf4JEventListener() {
        return new Slf4JEventListener(TRACE_ID, SPAN_ID);
    }
}
