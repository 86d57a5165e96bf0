package ch.ontrack.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Raised outside the handlers (the session store, the security filters): the same 503 as {@link
 * DatabaseUnavailableAdvice}, before the container would turn it into a 500 page.
 */
public class DatabaseUnavailableFilter extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    private static final byte[] BODY = ("{\"type\":\"" + ProblemHandler.TYPE_BASE + "service-unavailable\","
                    + "\"title\":\"Service unavailable\",\"status\":503,\"detail\":\"" + DatabaseUnavailable.DETAIL
                    + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public int getOrder() {
        // outside every filter that may touch the database, e.g. the session repository's
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.is(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable: {}", e.getMessage());
            response.reset();
            response.setStatus(503);
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
        }
    }
}
