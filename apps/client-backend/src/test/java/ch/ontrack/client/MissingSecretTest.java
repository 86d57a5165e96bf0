package ch.ontrack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
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
    @ValueSource(strings = {"INTERNAL_API_SECRET", "DB_PASSWORD"})
    void startUpStopsNamingTheMissingSecret(String secret, CapturedOutput output) {
        Map<String, Object> environment = new HashMap<>(Map.of(
                "DB_HOST", "127.0.0.1",
                "DB_PORT", String.valueOf(TestDatabase.proxy().port()),
                "DB_NAME", "postgres",
                "DB_USERNAME", "postgres",
                "DB_PASSWORD", "postgres",
                "SERVER_PORT", "0",
                "INTERNAL_PORT", "0",
                "MANAGEMENT_PORT", "0",
                "INTERNAL_API_SECRET", ApiTest.SECRET));
        environment.remove(secret);

        // only the service's own application.yml: no test configuration may stand in for the secret
        assertThatThrownBy(() -> new SpringApplicationBuilder(ClientBackendApplication.class)
                .properties(environment)
                .run("--spring.config.location=classpath:/application.yml")
                .close());

        assertThat(output).contains("The environment variable " + secret + " is not set, and it has no default.");
    }
}
