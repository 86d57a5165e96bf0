package ch.ontrack.provider.account;

import ch.ontrack.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * When the organisation requires two-factor sign-in and the account signed in without one, everything but the
 * account's own endpoints answers 403 {@code two-factor-enrolment-required} until it has enrolled.
 */
@Configuration
class EnrolmentGate implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**").excludePathPatterns("/api/auth/**", "/api/health");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        HttpSession session = request.getSession(false);
        if (session != null && Boolean.TRUE.equals(session.getAttribute(TwoFactor.ENROLMENT_REQUIRED))) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "two-factor-enrolment-required",
                    "Set up two-factor sign-in",
                    "Your organisation requires two-factor sign-in. Set it up in your account first.");
        }
        return true;
    }
}
