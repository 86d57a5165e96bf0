package ch.ontrack.web;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The readiness probe's "db": DOWN within {@link DatabaseCheck#ANSWER_WITHIN}, never a hanging probe. */
public class DatabaseHealthIndicator implements HealthIndicator {

    private final DatabaseCheck check;

    public DatabaseHealthIndicator(DatabaseCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        return check.up()
                ? Health.up().build()
                : Health.down()
                        .withDetail("reason", "no answer within " + DatabaseCheck.ANSWER_WITHIN.toMillis() + " ms")
                        .build();
    }
}
