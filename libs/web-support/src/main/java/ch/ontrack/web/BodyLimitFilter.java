package ch.ontrack.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds every request body by {@link RequestLimits}: a declared Content-Length over the limit is
 * refused before a byte is read; otherwise the bytes actually read are counted and reading stops
 * with 413 the moment the limit is crossed, so chunked bodies are bounded too. Runs before
 * security and MVC, so nothing reads an unbounded body. Multipart bodies are parsed by the
 * container, which enforces the multipart limits itself while streaming the parts to disk.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodyLimitFilter extends OncePerRequestFilter {

  private final RequestLimits limits;
  private final JsonMapper json;

  public BodyLimitFilter(RequestLimits limits, JsonMapper json) {
    this.limits = limits;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // the servlet path is decoded and normalised: what the handler mapping sees
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    long limit = limits.limitFor(path);
    if (request.getContentLengthLong() > limit) {
      tooLarge(response, limit);
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

  private void tooLarge(HttpServletResponse response, long limit) throws IOException {
    ProblemDetail problem = ProblemHandler.problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large",
        BodyTooLargeException.detail(limit));
    SecurityHeaders.COMMON.forEach(response::setHeader);
    response.setHeader("Cache-Control", "no-store");
    response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    // the rest of the body is not read: the connection is not reused
    response.setHeader("Connection", "close");
    byte[] body = json.writeValueAsBytes(problem);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
