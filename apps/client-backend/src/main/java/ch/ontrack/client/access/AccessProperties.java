package ch.ontrack.client.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** UNLOCK_MAX_ATTEMPTS, UNLOCK_RATE_LIMIT_PER_MINUTE and SHARE_SESSION_TIMEOUT. */
@ConfigurationProperties("oc.access")
record AccessProperties(int maxAttempts, int rateLimitPerMinute, Duration sessionTimeout) {

  AccessProperties {
    if (maxAttempts < 1 || rateLimitPerMinute < 1) {
      throw new IllegalArgumentException("UNLOCK_MAX_ATTEMPTS and UNLOCK_RATE_LIMIT_PER_MINUTE must be positive");
    }
  }
}
