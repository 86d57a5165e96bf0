package ch.ontrack.web.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The one place both backends count attempts: in their PostgreSQL, so every replica draws from the same budget
 * (docs/security.md, ADR 0302). Two kinds, both by name and key:
 * <ul>
 *   <li>{@link #check}: a token bucket ({@link RateLimit}, Bucket4j's PostgreSQL integration); every call takes
 *       one attempt, whatever its outcome.</li>
 *   <li>{@link #waitAfterFailures}, {@link #recordFailure}, {@link #clearFailures}: growing waits after failures in
 *       a row ({@link Backoff}), cleared by a success.</li>
 * </ul>
 * Keys are hashed to 64 bits ({@link Keys}); rows whose bucket is full again or whose failures are forgotten are
 * deleted every minute, so the tables hold only the keys that are being limited right now.
 */
public class RateLimits {

    static final String BUCKETS = "rate_limit_bucket";
    static final String FAILURES = "rate_limit_failure";
    private static final int CLEANUP_BATCH = 1000;

    private final Map<String, RateLimit> limits;
    private final Map<String, Backoff> backoffs;
    private final PostgreSQLSelectForUpdateBasedProxyManager<Long> buckets;
    private final JdbcClient jdbc;

    public RateLimits(DataSource dataSource, List<RateLimit> limits, List<Backoff> backoffs) {
        this.limits = limits.stream().collect(Collectors.toUnmodifiableMap(RateLimit::name, Function.identity()));
        this.backoffs = backoffs.stream().collect(Collectors.toUnmodifiableMap(Backoff::name, Function.identity()));
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .table(BUCKETS)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Takes one attempt from the bucket {@code limiter} keeps for {@code key}. */
    public Decision check(String limiter, String key) {
        RateLimit limit = limit(limiter);
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
        ConsumptionProbe probe = buckets.builder()
                .build(bucketId(limit, key), () -> configuration)
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Decision.ALLOWED;
        }
        return Decision.waitFor(ceilSeconds(probe.getNanosToWaitForRefill()));
    }

    /** Gives {@code key} its full budget again (for example after proof that the attempts were the owner's). */
    public void reset(String limiter, String key) {
        buckets.removeProxy(bucketId(limit(limiter), key));
    }

    /** Allowed, or how long {@code key} must still wait after its last failure. Takes nothing. */
    public Decision waitAfterFailures(String backoff, String key) {
        long id = failureId(backoff(backoff), key);
        return jdbc.sql("select ceil(extract(epoch from wait_until - now()))::bigint from " + FAILURES
                        + " where id = ? and wait_until > now() and forget_at > now()")
                .param(id)
                .query(Long.class)
                .optional()
                .map(Decision::waitFor)
                .orElse(Decision.ALLOWED);
    }

    /** Counts one more failure in a row for {@code key}; returns how many there are now. */
    public int recordFailure(String backoff, String key) {
        Backoff policy = backoff(backoff);
        long id = failureId(policy, key);
        int failures = jdbc.sql("insert into " + FAILURES + " as f (id, failures, wait_until, forget_at)"
                        + " values (?, 1, now(), now() + make_interval(secs => ?))"
                        + " on conflict (id) do update set"
                        + " failures = case when f.forget_at > now() then f.failures + 1 else 1 end,"
                        + " forget_at = excluded.forget_at"
                        + " returning failures")
                .params(id, (double) policy.forgetAfter().toSeconds())
                .query(Integer.class)
                .single();
        Duration delay = policy.delayAfter(failures);
        if (!delay.isZero()) {
            jdbc.sql("update " + FAILURES + " set wait_until = greatest(wait_until, now() + make_interval(secs => ?))"
                            + " where id = ?")
                    .params(delay.toMillis() / 1000.0, id)
                    .update();
        }
        return failures;
    }

    /** After a success: the failures of {@code key} are forgotten. */
    public void clearFailures(String backoff, String key) {
        jdbc.sql("delete from " + FAILURES + " where id = ?")
                .param(failureId(backoff(backoff), key))
                .update();
    }

    /** Buckets that are full again and failures that are forgotten carry no information. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    public void forgetIdle() {
        while (buckets.removeExpired(CLEANUP_BATCH) == CLEANUP_BATCH) {
            // more to remove
        }
        jdbc.sql("delete from " + FAILURES + " where forget_at <= now()").update();
    }

    private RateLimit limit(String name) {
        RateLimit limit = limits.get(name);
        if (limit == null) {
            throw new IllegalArgumentException("No rate limit named " + name + "; declare a RateLimit bean");
        }
        return limit;
    }

    private Backoff backoff(String name) {
        Backoff backoff = backoffs.get(name);
        if (backoff == null) {
            throw new IllegalArgumentException("No back-off named " + name + "; declare a Backoff bean");
        }
        return backoff;
    }

    private static long bucketId(RateLimit limit, String key) {
        return Keys.id("bucket|" + limit.name() + "|" + limit.capacity() + "/" + limit.period(), key);
    }

    private static long failureId(Backoff backoff, String key) {
        return Keys.id("failures|" + backoff.name(), key);
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
