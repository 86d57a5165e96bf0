package ch.ontrack.provider.system;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import tools.jackson.databind.json.JsonMapper;

@Configuration
class SecurityConfig {

    private static final String[] PUBLIC = {
        "/api/auth/signup",
        "/api/auth/login",
        "/api/auth/csrf",
        "/api/health",
        "/api/openapi.json",
        "/api/auth/login/second-factor",
        "/api/auth/verify-email",
        "/api/auth/password-reset",
        "/api/auth/password-reset/confirm",
        "/error",
        "/actuator/health/**",
        "/actuator/prometheus"
    };

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            SignIn signIn,
            SessionSettings session,
            JsonMapper json,
            CookieCsrfTokenRepository csrfTokens) {
        ProblemWriter problems = new ProblemWriter(json);
        http.csrf(csrf -> csrf.spa().csrfTokenRepository(csrfTokens))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .addFilterBefore(
                        new AbsoluteSessionTimeoutFilter(session.absoluteTimeout()), SecurityContextHolderFilter.class)
                .securityContext(context -> context.securityContextRepository(signIn.contexts()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> {})
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.denied()))
                .authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC)
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    /** The XSRF-TOKEN cookie the SPA reads; {@link SignIn} replaces it at every sign-in. */
    @Bean
    CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(
                cookie -> cookie.secure(true).sameSite("Strict").path("/"));
        return csrfTokens;
    }

    /** Paths and headers the firewall refuses (encoded slashes, "..", control characters): problem+json too. */
    @Bean
    RequestRejectedHandler requestRejected(JsonMapper json) {
        ProblemWriter problems = new ProblemWriter(json);
        return (request, response, e) -> problems.write(
                request,
                response,
                400,
                "bad-request",
                "Bad request",
                "The request path or a header contains characters that are not allowed.");
    }

    /** OWASP's Argon2id parameters: 19 MiB, 2 iterations, 1 lane. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
    }

    /** 256-bit session ids instead of UUIDs (122 random bits). */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionIds(SessionSettings settings) {
        SecureRandom random = new SecureRandom();
        SessionIdGenerator ids = () -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        };
        return repository -> {
            repository.setSessionIdGenerator(ids);
            repository.setDefaultMaxInactiveInterval(settings.idleTimeout());
        };
    }
}
