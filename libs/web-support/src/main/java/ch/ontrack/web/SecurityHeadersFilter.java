package ch.ontrack.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds {@link SecurityHeaders#COMMON} and {@code Cache-Control: no-store} to every response. A
 * handler may set its own Content-Security-Policy or Cache-Control first (downloads do); those win.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityHeaders.COMMON.forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
