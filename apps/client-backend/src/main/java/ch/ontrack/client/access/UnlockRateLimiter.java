package ch.ontrack.client.access;

import ch.ontrack.web.ApiProblem;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Unlock attempts per client IP and minute, whatever the share: slows down guessing across shares.
 * Checked as an interceptor, before the body is read: a throttled client costs no parsing.
 */
@Configuration(proxyBeanMethods = false)
class UnlockRateLimiter implements WebMvcConfigurer, HandlerInterceptor {

  // Bounded so that many distinct addresses cannot exhaust memory; the oldest buckets go first.
  private static final int MAX_TRACKED_ADDRESSES = 100_000;

  private final int perMinute;
  private final Map<String, Bucket> buckets =
      Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > MAX_TRACKED_ADDRESSES;
        }
      });

  private final Counter limited;

  UnlockRateLimiter(AccessProperties properties, MeterRegistry meters) {
    this.perMinute = properties.rateLimitPerMinute();
    this.limited = Counter.builder("oc.rate.limited").description("Requests answered 429")
        .tag("limiter", "unlock").register(meters);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/shares/*/unlock");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    acquire(request.getRemoteAddr(), response);
    return true;
  }

  /** Takes one attempt for this address, or answers 429 with Retry-After. */
  void acquire(String address, HttpServletResponse response) {
    Bucket bucket = buckets.computeIfAbsent(address, a -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
        .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      limited.increment();
      long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many attempts",
          "Too many attempts from your network. Please wait a minute and try again.",
          Map.of("retryAfterSeconds", seconds));
    }
  }
}
