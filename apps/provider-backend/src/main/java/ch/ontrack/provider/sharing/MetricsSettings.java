package ch.ontrack.provider.sharing;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How often the outbox gauges are read from the database (application.yml only: no environment variable). */
@Validated
@ConfigurationProperties("oc.metrics")
record MetricsSettings(@NotNull Duration outboxRefresh) {}
