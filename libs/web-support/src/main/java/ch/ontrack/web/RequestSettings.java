package ch.ontrack.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * {@code oc.request}: how many body bytes each endpoint may read and how much JSON the parser
 * accepts. The first path pattern that matches wins; every other endpoint gets {@code maxBodySize}.
 */
@Validated
@ConfigurationProperties("oc.request")
public record RequestSettings(
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue List<PathLimit> paths,
        @DefaultValue Json json) {

    /** A larger (or smaller) limit for the paths matching an Ant-style pattern such as {@code /api/x/*}. */
    public record PathLimit(String pattern, DataSize maxBodySize) {
        public PathLimit {
            if (pattern == null || pattern.isBlank() || maxBodySize == null || maxBodySize.isNegative()) {
                throw new IllegalArgumentException("oc.request.paths needs a pattern and a max-body-size");
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
                throw new IllegalArgumentException("oc.request.json limits must be positive");
            }
        }
    }

    public RequestSettings {
        if (maxBodySize.isNegative()) {
            throw new IllegalArgumentException("oc.request.max-body-size must not be negative");
        }
        paths = List.copyOf(paths);
    }
}
