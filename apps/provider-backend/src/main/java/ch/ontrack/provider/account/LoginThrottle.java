package ch.ontrack.provider.account;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** LOGIN_RATE_LIMIT_PER_MINUTE attempts per account and per client IP (per replica). */
@Component
class LoginThrottle {

  private final int perMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  LoginThrottle(AccountSettings settings) {
    this.perMinute = settings.loginRateLimitPerMinute();
  }

  /** Empty when the attempt may go ahead, else the seconds to wait. */
  OptionalLong attempt(String email, String ip) {
    for (String key : new String[] {"ip:" + ip, "account:" + email}) {
      ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
      }
    }
    return OptionalLong.empty();
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
        .build();
  }

  /** Full buckets carry no information: drop them so the map stays small. */
  @Scheduled(fixedDelay = 60_000)
  void forgetIdle() {
    buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= perMinute);
  }
}
