package ch.ontrack.provider.account;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** SIGNUP_ENABLED and LOGIN_RATE_LIMIT_PER_MINUTE. */
@Validated
@ConfigurationProperties("oc.account")
record AccountSettings(
        boolean signupEnabled,

        @Positive(message = "LOGIN_RATE_LIMIT_PER_MINUTE must be positive")
        int loginRateLimitPerMinute) {}
