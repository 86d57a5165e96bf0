package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A secret has no default: without it the service does not start, and says which one is missing. */
@ExtendWith(OutputCaptureExtension.class)
class MissingSecretTest {

    @ParameterizedTest
    @ValueSource(strings = {"INTERNAL_API_SECRET", "ACCESS_CODE_ENCRYPTION_KEY", "DB_PASSWORD"})
    void startUpStopsNamingTheMissingSecret(String secret, CapturedOutput output) {
        Map<String, Object> environment = Replicas.settings();
        environment.put("INTERNAL_API_SECRET", "test-internal-secret");
        environment.put("ACCESS_CODE_ENCRYPTION_KEY", "dGVzdC1hY2Nlc3MtY29kZS1rZXktMzItYnl0ZXMhISE=");
        environment.remove(secret);

        // only the service's own application.yml: src/test/resources/config/application.yml would supply the secrets
        assertThatThrownBy(() -> new SpringApplicationBuilder(ProviderBackendApplication.class)
                .properties(environment)
                .run("--spring.config.location=classpath:/application.yml")
                .close());

        assertThat(output).contains("The environment variable " + secret + " is not set, and it has no default.");
    }
}
