package ch.ontrack.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * {@code oc.requests}: how many body bytes each endpoint may read and how much JSON the parser
 * accepts. The first path pattern that matches wins; every other endpoint gets {@code maxBodySize}.
 */
@ConfigurationProperties("oc.requests")
public record RequestLimits(
    @DefaultValue("64KB") DataSize maxBodySize,
    @DefaultValue List<PathLimit> paths,
    @DefaultValue Json json) {

  /** A larger (or smaller) limit for the paths matching an Ant-style pattern such as {@code /api/x/*}. */
  public record PathLimit(String pattern, DataSize maxBodySize) {
    public PathLimit {
      if (pattern == null || pattern.isBlank() || maxBodySize == null || maxBodySize.isNegative()) {
        throw new IllegalArgumentException("oc.requests.paths needs a pattern and a max-body-size");
      }
    }

    PathPattern parsed() {
      return PathPatternParser.defaultInstance.parse(pattern);
    }
  }

  /** Jackson's stream read constraints; strings are counted in characters, documents in bytes. */
  public record Json(
      @DefaultValue("20000") int maxStringLength,
      @DefaultValue("16") int maxNestingDepth,
      @DefaultValue("256KB") DataSize maxDocumentLength) {
    public Json {
      if (maxStringLength < 1 || maxNestingDepth < 1 || maxDocumentLength.toBytes() < 1) {
        throw new IllegalArgumentException("oc.requests.json limits must be positive");
      }
    }
  }

  public RequestLimits {
    if (maxBodySize.isNegative()) {
      throw new IllegalArgumentException("oc.requests.max-body-size must not be negative");
    }
    paths = List.copyOf(paths);
  }

  /** The limit in bytes for a decoded, normalised request path (servlet path plus path info). */
  long limitFor(String path) {
    PathContainer container = PathContainer.parsePath(path);
    return paths.stream()
        .filter(limit -> limit.parsed().matches(container))
        .findFirst()
        .map(limit -> limit.maxBodySize().toBytes())
        .orElse(maxBodySize.toBytes());
  }
}
