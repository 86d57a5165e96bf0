package ch.ontrack.provider.system;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** SESSION_IDLE_TIMEOUT and SESSION_ABSOLUTE_TIMEOUT. */
@Validated
@ConfigurationProperties("oc.session")
record SessionSettings(
        @NotNull Duration idleTimeout, @NotNull Duration absoluteTimeout) {}
