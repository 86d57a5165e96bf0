package ch.ontrack.provider.account;

import ch.ontrack.web.ratelimit.Backoff;
import ch.ontrack.web.ratelimit.Decision;
import ch.ontrack.web.ratelimit.RateLimit;
import ch.ontrack.web.ratelimit.RateLimits;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Sign-in limits, shared by all replicas (ADR 0302): LOGIN_RATE_LIMIT_PER_MINUTE attempts per client address, and
 * growing waits per address and account after {@value #FREE_FAILURES} failures in a row. Nothing counts per
 * account alone, so wrong passwords typed elsewhere never keep the owner out.
 */
@Component
class LoginThrottle {

    static final String PER_ADDRESS = "login-address";
    static final String PER_PAIR = "login-address-account";
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(15);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    @Configuration(proxyBeanMethods = false)
    static class Limits {

        @Bean
        RateLimit loginPerAddress(AccountSettings settings) {
            return new RateLimit(PER_ADDRESS, settings.loginRateLimitPerMinute(), Duration.ofMinutes(1));
        }

        @Bean
        Backoff loginPerAddressAndAccount() {
            return new Backoff(PER_PAIR, FREE_FAILURES, FIRST_DELAY, MAX_DELAY, Duration.ofHours(24));
        }
    }

    private final RateLimits limits;

    LoginThrottle(RateLimits limits) {
        this.limits = limits;
    }

    /** Empty when the attempt may go ahead, else the seconds to wait. Takes one attempt of the address. */
    OptionalLong attempt(String email, String ip) {
        Decision pair = limits.waitAfterFailures(PER_PAIR, pair(email, ip));
        if (!pair.allowed()) {
            return OptionalLong.of(pair.retryAfterSeconds());
        }
        Decision address = limits.check(PER_ADDRESS, ip);
        return address.allowed() ? OptionalLong.empty() : OptionalLong.of(address.retryAfterSeconds());
    }

    void failed(String email, String ip) {
        limits.recordFailure(PER_PAIR, pair(email, ip));
    }

    void succeeded(String email, String ip) {
        limits.clearFailures(PER_PAIR, pair(email, ip));
    }

    private static String pair(String email, String ip) {
        return ip + "\n" + email;
    }
}
