package ch.ontrack.provider.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/** JSON bodies are small; only multipart uploads may be large (they have their own limits). */
class BodySizeFilter extends OncePerRequestFilter {

  static final long MAX_JSON_BODY = 256 * 1024;
  private final ProblemWriter problems;

  BodySizeFilter(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    boolean multipart = type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    if (!multipart && request.getContentLengthLong() > MAX_JSON_BODY) {
      problems.write(request, response, 413, "too-large", "Too large", "The request body is too large.");
      return;
    }
    chain.doFilter(request, response);
  }
}
