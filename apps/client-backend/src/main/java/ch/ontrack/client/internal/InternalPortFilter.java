package ch.ontrack.client.internal;

import ch.ontrack.web.ProblemHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the two APIs apart: /internal/** exists only on the internal connector, everything else
 * only on the public one. Internal calls must carry the shared secret as a bearer token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class InternalPortFilter extends OncePerRequestFilter {

    private static final String PREFIX = "/internal/";

    private final InternalConnector connector;
    private final byte[] expected;

    InternalPortFilter(InternalConnector connector, InternalApiSettings settings) {
        this.connector = connector;
        this.expected = digest("Bearer " + settings.secret());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean internalPort = isInternalPort(request);
        // the servlet path is decoded and normalised, without ;parameters: what the mapping sees
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean internalPath = path.startsWith(PREFIX) || path.equals("/internal");
        if (internalPort != internalPath) {
            problem(response, 404, "not-found", "Not found", "No such resource.");
            return;
        }
        if (internalPort && !isAuthorized(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problem(response, 401, "unauthorized", "Unauthorized", "A valid bearer token is required.");
            return;
        }
        chain.doFilter(request, response);
    }

    boolean isInternalPort(HttpServletRequest request) {
        return request.getLocalPort() == connector.localPort();
    }

    // Digests have the same length whatever was sent, so the comparison takes constant time.
    boolean isAuthorized(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && MessageDigest.isEqual(expected, digest(header));
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // Written by hand: filters run before Spring MVC's error handling.
    private static void problem(HttpServletResponse response, int status, String slug, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"" + ProblemHandler.TYPE_BASE + slug + "\",\"title\":\"" + title + "\",\"status\":"
                        + status + ",\"detail\":\"" + detail + "\"}");
    }
}
