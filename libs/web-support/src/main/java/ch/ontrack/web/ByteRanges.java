package ch.ontrack.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Range requests on file downloads (RFC 9110, 14): one byte range gives 206 with that part, so a PDF viewer
 * can fetch pages and an interrupted download can resume; several ranges, a malformed header or an If-Range
 * that no longer matches give the whole file (200), which the RFC allows; a range beyond the end is 416.
 * Files never change once stored, so their ETag is their id.
 */
public final class ByteRanges {

    private static final Pattern SINGLE = Pattern.compile("bytes=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    /** What to send of a file of {@code length} bytes: from {@code start} to {@code end} inclusive. */
    public record Part(long start, long end, boolean partial) {
        public long length() {
            return end - start + 1;
        }
    }

    private ByteRanges() {}

    /** The part the request asks for; throws a 416 problem when its one range lies beyond the end. */
    public static Part select(String range, String ifRange, String etag, long length) {
        Part whole = new Part(0, length - 1, false);
        if (range == null || (ifRange != null && !ifRange.strip().equals(etag))) {
            return whole;
        }
        Matcher m = SINGLE.matcher(range.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return whole; // several ranges, another unit or nonsense: the whole file
        }
        try {
            if (m.group(1).isEmpty()) { // the last N bytes
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || length == 0) {
                    throw unsatisfiable(length);
                }
                return new Part(Math.max(0, length - suffix), length - 1, true);
            }
            long start = Long.parseLong(m.group(1));
            long end = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
            if (start >= length) {
                throw unsatisfiable(length);
            }
            return end < start ? whole : new Part(start, end, true);
        } catch (NumberFormatException e) {
            return whole; // more digits than a long holds
        }
    }

    /**
     * The part of a stored file of {@code length} bytes (never changing, identified by {@code id}) to send, with the
     * answer's status and headers set; the caller then writes exactly that part. A range beyond the end: 416 with
     * {@code Content-Range: bytes *}{@code /length}.
     */
    public static Part prepare(HttpServletRequest request, HttpServletResponse response, long length, Object id) {
        String etag = etag(id);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        Part part;
        try {
            part = select(request.getHeader(HttpHeaders.RANGE), request.getHeader(HttpHeaders.IF_RANGE), etag, length);
        } catch (ApiProblem unsatisfiable) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
            throw unsatisfiable;
        }
        apply(part, length, etag, response);
        return part;
    }

    /** Status and headers of the answer for {@code part}; the caller then writes its bytes. */
    static void apply(Part part, long length, String etag, HttpServletResponse response) {
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.ETAG, etag);
        if (part.partial()) {
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + part.start() + "-" + part.end() + "/" + length);
        }
        response.setContentLengthLong(Math.max(0, part.length()));
    }

    /** A strong ETag for stored, never-changing content. */
    static String etag(Object id) {
        return "\"" + id + "\"";
    }

    private static ApiProblem unsatisfiable(long length) {
        return new ApiProblem(
                HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                "range-not-satisfiable",
                "Range not satisfiable",
                "The file has " + length + " bytes; the range asked for lies beyond its end.");
    }
}
