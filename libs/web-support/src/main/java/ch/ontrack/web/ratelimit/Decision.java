package ch.ontrack.web.ratelimit;

/** The answer of a limit: go ahead, or wait {@code retryAfterSeconds} (at least 1). */
public record Decision(boolean allowed, long retryAfterSeconds) {

    public static final Decision ALLOWED = new Decision(true, 0);

    public static Decision waitFor(long seconds) {
        return new Decision(false, Math.max(1, seconds));
    }

    /** Returns when allowed, else throws {@link TooManyAttempts} (429, Retry-After) with the given sentence. */
    public void orThrow(String detail) {
        if (!allowed) {
            throw new TooManyAttempts(retryAfterSeconds, detail);
        }
    }
}
