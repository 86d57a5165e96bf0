package ch.ontrack.provider.sharing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox gauges: pending items, the oldest one's age, dead letters (shares in DELIVERY_FAILED). One query on
 * its own thread every oc.metrics.outbox-refresh (15 s); a scrape only reads the cached numbers, so it never waits for the
 * database. While the database does not answer, the last numbers stay (the database alert covers that).
 */
@Component
class OutboxGauges implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxGauges.class);
    private static final String QUERY = """
      select (select count(*) from outbox where failed_at is null) as pending,
             (select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox where failed_at is null)
               as oldest_age_seconds,
             (select count(*) from share where delivery_failed_at is not null and delivered_at is null
               and revoked_at is null) as dead_letters""";

    /** One reading of the outbox. */
    record Reading(long pending, double oldestAgeSeconds, long deadLetters) {
        static final Reading NONE = new Reading(0, 0, 0);
    }

    private final JdbcClient jdbc;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "outbox-gauges");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Reading last = Reading.NONE;

    OutboxGauges(JdbcClient jdbc, MeterRegistry meters, MetricsSettings settings) {
        this.jdbc = jdbc;
        Gauge.builder("oc.outbox.pending", this, g -> g.last.pending())
                .description("Outbox items not yet done (parked ones excepted)")
                .register(meters);
        Gauge.builder("oc.outbox.oldest.age", this, g -> g.last.oldestAgeSeconds())
                .baseUnit("seconds")
                .description("Age of the oldest pending outbox item; 0 when none")
                .register(meters);
        Gauge.builder("oc.outbox.dead.letters", this, g -> g.last.deadLetters())
                .description("Shares whose delivery the client backend refused for good (DELIVERY_FAILED)")
                .register(meters);
        refresher.scheduleWithFixedDelay(
                this::refresh, 0, settings.outboxRefresh().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the outbox now; also what the schedule runs. */
    Reading refresh() {
        try {
            last = jdbc.sql(QUERY)
                    .query((rs, n) -> new Reading(
                            rs.getLong("pending"), rs.getDouble("oldest_age_seconds"), rs.getLong("dead_letters")))
                    .single();
        } catch (RuntimeException e) {
            log.warn("Outbox gauges not refreshed, keeping the last reading: {}", e.getMessage());
        }
        return last;
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
