package ch.ontrack.provider.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** SIGNUP_ENABLED and LOGIN_RATE_LIMIT_PER_MINUTE. */
@ConfigurationProperties("oc.accounts")
record AccountSettings(boolean signupEnabled, int loginRateLimitPerMinute) {}
