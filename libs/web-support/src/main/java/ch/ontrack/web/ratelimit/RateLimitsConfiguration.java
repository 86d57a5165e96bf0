package ch.ontrack.web.ratelimit;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** {@link RateLimits} for every backend with a database, with the {@link RateLimit} and {@link Backoff} beans it declares. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
public class RateLimitsConfiguration {

    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean
    RateLimits rateLimits(DataSource dataSource, ObjectProvider<RateLimit> limits, ObjectProvider<Backoff> backoffs) {
        return new RateLimits(
                dataSource,
                limits.orderedStream().toList(),
                backoffs.orderedStream().toList());
    }
}
