package ch.ontrack.web;

import java.io.IOException;

/**
 * Thrown by the request body stream the moment one byte more than the endpoint's limit was read;
 * {@link ProblemHandler} and {@link BodyLimitFilter} answer it with 413, wherever it surfaces.
 */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** This exception, or the one in the causes of {@code e} (parsers and stores wrap it). */
    static BodyTooLargeException in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    /** The detail every 413 for a body carries. */
    static String detail(long limit) {
        return "The request body is larger than the " + readable(limit) + " this endpoint accepts.";
    }

    private static String readable(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
