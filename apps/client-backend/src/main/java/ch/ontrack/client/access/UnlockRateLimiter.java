package ch.ontrack.client.access;

import ch.ontrack.web.ratelimit.Decision;
import ch.ontrack.web.ratelimit.RateLimit;
import ch.ontrack.web.ratelimit.RateLimits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Unlock attempts per client IP and minute, whatever the share: slows down guessing across shares. Counted in
 * the database, so all replicas share one budget (ADR 0302). Checked as an interceptor, before the body is read:
 * a throttled client costs no parsing.
 */
@Configuration(proxyBeanMethods = false)
class UnlockRateLimiter implements WebMvcConfigurer, HandlerInterceptor {

    static final String PER_ADDRESS = "unlock-address";

    private final RateLimits limits;

    private final Counter limited;

    UnlockRateLimiter(RateLimits limits, MeterRegistry meters) {
        this.limits = limits;
        this.limited = Counter.builder("oc.rate.limited")
                .description("Requests answered 429")
                .tag("limiter", "unlock")
                .register(meters);
    }

    @Bean
    static RateLimit unlockPerAddress(AccessSettings settings) {
        return new RateLimit(PER_ADDRESS, settings.rateLimitPerMinute(), Duration.ofMinutes(1));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/shares/*/unlock");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Decision decision = limits.check(PER_ADDRESS, request.getRemoteAddr());
        if (!decision.allowed()) {
            limited.increment();
        }
        decision.orThrow("Too many attempts from your network. Please wait a minute and try again.");
        return true;
    }
}
