package ch.ontrack.provider.account;

import ch.ontrack.web.ratelimit.Decision;
import ch.ontrack.web.ratelimit.RateLimit;
import ch.ontrack.web.ratelimit.RateLimits;
import java.time.Duration;
import java.util.OptionalLong;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How often a verification or reset mail may be asked for: at most one a minute and five a day per account or
 * address, twenty an hour per client address; how often a signed-in account's password may be asked again: ten
 * times in 15 minutes. Kept by the shared {@link RateLimits} in PostgreSQL, so every
 * replica sees the same budget (ADR 0302).
 */
@Configuration(proxyBeanMethods = false)
class AccountLimits {

    static final String MAIL_PER_MINUTE = "account-mail-minute";
    static final String MAIL_PER_DAY = "account-mail-day";
    static final String RESET_PER_CLIENT_ADDRESS = "reset-address";
    static final String PASSWORD_CHECKS = "password-check";

    private final RateLimits limits;

    AccountLimits(RateLimits limits) {
        this.limits = limits;
    }

    @Bean
    static RateLimit accountMailPerMinute() {
        return new RateLimit(MAIL_PER_MINUTE, 1, Duration.ofMinutes(1));
    }

    @Bean
    static RateLimit accountMailPerDay() {
        return new RateLimit(MAIL_PER_DAY, 5, Duration.ofDays(1));
    }

    @Bean
    static RateLimit resetPerClientAddress() {
        return new RateLimit(RESET_PER_CLIENT_ADDRESS, 20, Duration.ofHours(1));
    }

    @Bean
    static RateLimit passwordChecks() {
        return new RateLimit(PASSWORD_CHECKS, 10, Duration.ofMinutes(15));
    }

    /** The password asked again of this signed-in account (at most ten in 15 minutes), else the seconds to wait. */
    OptionalLong passwordCheck(String providerId) {
        return waitOf(limits.check(PASSWORD_CHECKS, providerId));
    }

    /** A verification mail for this account: empty when it may go, else the seconds to wait. */
    OptionalLong verificationMail(String providerId) {
        return mail("verify:" + providerId);
    }

    /** A reset mail for this address (known or not, so the answer tells nothing), else the seconds to wait. */
    OptionalLong resetMail(String emailHash) {
        return mail("reset:" + emailHash);
    }

    /** A reset asked for from this client address, else the seconds to wait. */
    OptionalLong resetFrom(String clientAddress) {
        return waitOf(limits.check(RESET_PER_CLIENT_ADDRESS, clientAddress));
    }

    /** The minute first: a refused retry within the minute does not use up the day's budget. */
    private OptionalLong mail(String key) {
        OptionalLong wait = waitOf(limits.check(MAIL_PER_MINUTE, key));
        return wait.isPresent() ? wait : waitOf(limits.check(MAIL_PER_DAY, key));
    }

    private static OptionalLong waitOf(Decision decision) {
        return decision.allowed() ? OptionalLong.empty() : OptionalLong.of(decision.retryAfterSeconds());
    }
}
