package ch.ontrack.web.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class OtlpEndpointTest {

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
        new OtlpEndpoint().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void theBaseUrlBecomesTheTracesEndpoint() {
        assertThat(environment(Map.of(OtlpEndpoint.VARIABLE, "http://otel-collector.observability:4318"))
                        .getProperty(OtlpEndpoint.PROPERTY))
                .isEqualTo("http://otel-collector.observability:4318/v1/traces");
        assertThat(environment(Map.of(OtlpEndpoint.VARIABLE, " https://collector.example/otlp/ "))
                        .getProperty(OtlpEndpoint.PROPERTY))
                .isEqualTo("https://collector.example/otlp/v1/traces");
    }

    @Test
    void unsetOrBlankMeansNoEndpointSoNoExporter() {
        assertThat(environment(Map.of()).containsProperty(OtlpEndpoint.PROPERTY))
                .isFalse();
        assertThat(environment(Map.of(OtlpEndpoint.VARIABLE, "  ")).containsProperty(OtlpEndpoint.PROPERTY))
                .isFalse();
    }

    @Test
    void anEndpointSetExplicitlyWins() {
        assertThat(environment(Map.of(OtlpEndpoint.VARIABLE, "http://a:4318", OtlpEndpoint.PROPERTY, "http://b/x"))
                        .getProperty(OtlpEndpoint.PROPERTY))
                .isEqualTo("http://b/x");
    }

    @Test
    void anythingButAnHttpUrlStopsTheStartWithASentence() {
        for (String wrong : new String[] {
            "otel-collector:4318", "grpc://collector:4317", "http://", "not a url", "http://collector:4318?x=1"
        }) {
            assertThatThrownBy(() -> environment(Map.of(OtlpEndpoint.VARIABLE, wrong)))
                    .as(wrong)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT=" + wrong)
                    .hasMessageContaining("e.g. http://otel-collector:4318");
        }
    }
}
