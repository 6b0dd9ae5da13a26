package dev.parley.relay.limits;

/** A rate limit was exceeded. Stackless: it is an expected outcome, not a bug. */
public final class RateLimitExceededException extends Exception {
    private static final long serialVersionUID = 1L;

    private final RateLimit limit;
    private final long retryAfterMillis;

    public RateLimitExceededException(RateLimit limit, long retryAfterMillis) {
        super("rate limit " + limit + " exceeded; retry after " + retryAfterMillis + " ms", null, false, false);
        this.limit = limit;
        this.retryAfterMillis = retryAfterMillis;
    }

    public RateLimit limit() {
        return limit;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
