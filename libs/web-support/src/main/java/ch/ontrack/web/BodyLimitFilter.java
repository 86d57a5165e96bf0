package ch.ontrack.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds every request body by {@link RequestSettings}: a declared Content-Length over the limit is
 * refused before a byte is read; otherwise the bytes actually read are counted and reading stops
 * with 413 the moment the limit is crossed, so chunked bodies are bounded too. Runs before
 * security and MVC, so nothing reads an unbounded body. Multipart bodies are parsed by the
 * container, which enforces the multipart limits itself while streaming the parts to disk. A
 * wildcard Content-Type, which Spring cannot represent, is refused with 415.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodyLimitFilter extends OncePerRequestFilter {

    private record Rule(PathPattern pattern, long limit) {}

    private final List<Rule> rules;
    private final long defaultLimit;
    private final JsonMapper json;

    public BodyLimitFilter(RequestSettings limits, JsonMapper json) {
        this.rules = limits.paths().stream()
                .map(path -> new Rule(path.parsed(), path.maxBodySize().toBytes()))
                .toList();
        this.defaultLimit = limits.maxBodySize().toBytes();
        this.json = json;
    }

    /** The limit in bytes for a decoded, normalised request path: the first matching rule's, or the default. */
    long limitFor(String path) {
        // already decoded: decoding again would fail on a literal '%' (from %25) and let %2F-style tricks through
        PathContainer container = PathContainer.parsePath(path, PathContainer.Options.create('/', false));
        return rules.stream()
                .filter(rule -> rule.pattern().matches(container))
                .findFirst()
                .map(Rule::limit)
                .orElse(defaultLimit);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the servlet path is decoded and normalised: what the handler mapping sees
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        long limit = limitFor(path);
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        if (isWildcard(request.getContentType())) {
            // Spring cannot even represent such a Content-Type and would fail with a 500
            write(
                    response,
                    ProblemHandler.problem(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "unsupported-media-type",
                            "Unsupported Media Type",
                            "The Content-Type must name one media type, not a wildcard."));
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            // crossed outside Spring MVC (another filter read the body) and not answered yet
            BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
            if (tooLarge == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            tooLarge(response, tooLarge.limit());
        }
    }

    private static boolean isWildcard(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false; // Spring MVC answers unparseable types with 415 itself
        }
    }

    private void tooLarge(HttpServletResponse response, long limit) throws IOException {
        write(
                response,
                ProblemHandler.problem(
                        HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large", BodyTooLargeException.detail(limit)));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        SecurityHeaders.COMMON.forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // the body is not read: the connection is not reused
        response.setHeader("Connection", "close");
        byte[] body = json.writeValueAsBytes(problem);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
