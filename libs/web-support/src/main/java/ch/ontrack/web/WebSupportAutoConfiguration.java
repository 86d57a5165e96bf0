package ch.ontrack.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Every backend gets problem+json errors and the security headers just by depending on us. */
@AutoConfiguration
@Import(ProblemHandler.class)
public class WebSupportAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  SecurityHeadersFilter securityHeadersFilter() {
    return new SecurityHeadersFilter();
  }
}
