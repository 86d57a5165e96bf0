package ch.ontrack.provider;

import ch.ontrack.web.testing.TracingChecks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Without OTEL_EXPORTER_OTLP_ENDPOINT (as here) requests are traced, but nothing exports the spans. */
class TracingTest extends ApiTest {

    @Autowired
    ApplicationContext context;

    @Test
    void requestsAreTracedButNoSpanLeavesWithoutACollector() {
        TracingChecks.assertTracedWithoutExporter(context);
    }
}
