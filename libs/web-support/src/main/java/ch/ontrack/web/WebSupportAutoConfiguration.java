package ch.ontrack.web;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every backend gets problem+json errors, the security headers, bounded request bodies, bounded
 * JSON, explicit trusted proxies, 503 while its database is unreachable and the public health
 * endpoint just by depending on us.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = {
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"
        })
@EnableConfigurationProperties({RequestSettings.class, ForwardedSettings.class})
@Import({ProblemHandler.class, JsonLimitsConfiguration.class, DatabaseUnavailableAdvice.class})
public class WebSupportAutoConfiguration {

    /** Static: a bean factory post-processor, made before every other bean. */
    @Bean
    static UnsetVariableCheck unsetVariableCheck() {
        return new UnsetVariableCheck();
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityHeadersFilter securityHeadersFilter() {
        return new SecurityHeadersFilter();
    }

    @Bean
    @ConditionalOnMissingBean
    BodyLimitFilter bodyLimitFilter(RequestSettings limits, JsonMapper json) {
        return new BodyLimitFilter(limits, json);
    }

    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.valves.RemoteIpValve")
    TrustedProxies trustedProxies(ForwardedSettings settings) {
        return new TrustedProxies(settings);
    }

    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
    ProblemReportValve.Installer problemReportValve() {
        return new ProblemReportValve.Installer();
    }

    /** Takes the place of Spring Boot's BasicErrorController, which answers its own JSON or HTML. */
    @Bean
    ProblemErrorServlet problemErrorServlet(JsonMapper json) {
        return new ProblemErrorServlet(json);
    }

    @Bean
    ServletRegistrationBean<ProblemErrorServlet> problemErrorServletRegistration(
            ProblemErrorServlet servlet, @Value("${server.error.path:/error}") String path) {
        ServletRegistrationBean<ProblemErrorServlet> registration = new ServletRegistrationBean<>(servlet, path);
        registration.setName("problemErrorServlet");
        return registration;
    }

    @Bean
    DatabaseUnavailableFilter databaseUnavailableFilter() {
        return new DatabaseUnavailableFilter();
    }

    @Bean
    @ConditionalOnBean(DataSource.class)
    DatabaseCheck databaseCheck(DataSource dataSource) {
        return new DatabaseCheck(dataSource);
    }

    @Bean
    @ConditionalOnBean(DataSource.class)
    PublicHealthController publicHealthController(DatabaseCheck databaseCheck) {
        return new PublicHealthController(databaseCheck);
    }

    /** Replaces the actuator's "db" indicator, which waits as long as the pool's connection timeout. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class DatabaseHealth {

        @Bean
        @ConditionalOnBean(DataSource.class)
        HealthIndicator dbHealthIndicator(DatabaseCheck databaseCheck) {
            return new DatabaseHealthIndicator(databaseCheck);
        }
    }
}
