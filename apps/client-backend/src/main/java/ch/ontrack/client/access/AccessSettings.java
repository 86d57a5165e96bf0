package ch.ontrack.client.access;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** UNLOCK_MAX_ATTEMPTS, UNLOCK_RATE_LIMIT_PER_MINUTE and SHARE_SESSION_TIMEOUT. */
@Validated
@ConfigurationProperties("oc.access")
record AccessSettings(
        @Positive(message = "UNLOCK_MAX_ATTEMPTS must be positive")
        int maxAttempts,

        @Positive(message = "UNLOCK_RATE_LIMIT_PER_MINUTE must be positive")
        int rateLimitPerMinute,

        @NotNull Duration sessionTimeout) {}
