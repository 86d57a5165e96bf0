package ch.ontrack.provider.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/** Ends a session that is older than SESSION_ABSOLUTE_TIMEOUT, however active it is. */
class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

    private final Duration absoluteTimeout;

    AbsoluteSessionTimeoutFilter(Duration absoluteTimeout) {
        this.absoluteTimeout = absoluteTimeout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Object signedInAt = session.getAttribute(SignIn.SIGNED_IN_AT);
            long started = signedInAt instanceof Long at ? at : session.getCreationTime();
            if (System.currentTimeMillis() - started >= absoluteTimeout.toMillis()) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
