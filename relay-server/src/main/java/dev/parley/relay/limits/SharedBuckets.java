package dev.parley.relay.limits;

/**
 * Token buckets every node of a cluster shares (Redis), for the per-account limits: an account that reconnects to
 * another node finds the bucket it left. Keyed by limit and account, shaped by the same {@link BucketSpec} as a local
 * bucket, and driven by the calling node's clock (nodes keep their clocks in sync, e.g. NTP; a node whose clock is
 * behind never refills a bucket backwards).
 */
public interface SharedBuckets {
    /**
     * Takes {@code tokens} tokens at once, or none, from the account's shared bucket of {@code limit}.
     *
     * @return 0 when taken, otherwise the milliseconds until they will be available (as {@link TokenBucket#tryTake})
     * @throws UnavailableException when the shared store cannot answer now (the caller counts locally instead)
     */
    long tryTake(RateLimit limit, String account, BucketSpec spec, long tokens, long nowMillis);

    /** The shared buckets cannot be reached; nothing was taken. */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
