package ch.ontrack.provider.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** SESSION_IDLE_TIMEOUT and SESSION_ABSOLUTE_TIMEOUT. */
@ConfigurationProperties("oc.session")
record SessionSettings(Duration idleTimeout, Duration absoluteTimeout) {}
