package ch.ontrack.web;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Every backend gets problem+json errors, the security headers and the public health endpoint just
 * by depending on us.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@Import(ProblemHandler.class)
public class WebSupportAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  SecurityHeadersFilter securityHeadersFilter() {
    return new SecurityHeadersFilter();
  }

  @Bean
  @ConditionalOnBean(DataSource.class)
  PublicHealthController publicHealthController(DataSource dataSource) {
    return new PublicHealthController(dataSource);
  }
}
