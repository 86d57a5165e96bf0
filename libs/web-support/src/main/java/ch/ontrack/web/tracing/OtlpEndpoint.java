package ch.ontrack.web.tracing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * OTEL_EXPORTER_OTLP_ENDPOINT, the collector's OTLP/HTTP base URL as every OpenTelemetry SDK reads it (e.g.
 * {@code http://otel-collector.observability:4318}), becomes the traces endpoint Spring Boot exports to: the base
 * URL with {@code /v1/traces}. Unset or blank: Spring Boot creates no exporter, so nothing is sent and nothing
 * tries to connect (docs/adr/0290). Anything but an http(s) URL stops the start with a sentence saying so.
 */
public class OtlpEndpoint implements EnvironmentPostProcessor {

    public static final String VARIABLE = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String base = environment.getProperty(VARIABLE, "").trim();
        if (base.isEmpty() || environment.containsProperty(PROPERTY)) {
            return;
        }
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("otlpEndpoint", Map.of(PROPERTY, tracesEndpoint(base))));
    }

    /** {@code <base>/v1/traces}, as the OpenTelemetry specification derives the traces URL for OTLP/HTTP. */
    static String tracesEndpoint(String base) {
        URI uri;
        try {
            uri = new URI(base);
        } catch (URISyntaxException e) {
            throw notAnUrl(base);
        }
        boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!http || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw notAnUrl(base);
        }
        return base.replaceAll("/+$", "") + "/v1/traces";
    }

    private static IllegalStateException notAnUrl(String value) {
        return new IllegalStateException(VARIABLE + "=" + value
                + " is not the http(s) base URL of an OTLP/HTTP collector, e.g. http://otel-collector:4318.");
    }
}
