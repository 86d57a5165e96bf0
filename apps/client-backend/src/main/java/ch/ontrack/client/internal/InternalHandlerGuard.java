package ch.ontrack.client.internal;

import ch.ontrack.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Second line behind {@link InternalPortFilter}, decided on the handler Spring MVC actually chose
 * rather than on the path: handlers of this package run only on the internal port with the secret,
 * every other handler only on the public port.
 */
@Configuration(proxyBeanMethods = false)
class InternalHandlerGuard implements WebMvcConfigurer, HandlerInterceptor {

    private final InternalPortFilter filter;

    InternalHandlerGuard(InternalPortFilter filter) {
        this.filter = filter;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean internalHandler = handler instanceof HandlerMethod method
                && method.getBeanType().getPackageName().equals(InternalHandlerGuard.class.getPackageName());
        boolean internalPort = filter.isInternalPort(request);
        if (internalHandler != internalPort) {
            throw ApiProblem.notFound("The resource");
        }
        if (internalHandler && !filter.isAuthorized(request)) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "A valid bearer token is required.");
        }
        return true;
    }
}
