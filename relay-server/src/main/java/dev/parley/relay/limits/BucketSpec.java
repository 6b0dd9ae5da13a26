package dev.parley.relay.limits;

/**
 * A token bucket's shape: it holds at most {@code burst} tokens and regains {@code perSecond} tokens a second.
 */
public record BucketSpec(int burst, double perSecond) {
    /** A bucket that never runs out; for benchmarks and tests that measure something else. */
    public static final BucketSpec UNLIMITED = new BucketSpec(Integer.MAX_VALUE, Double.POSITIVE_INFINITY);

    public BucketSpec {
        if (burst < 1 || !(perSecond > 0)) {
            throw new IllegalArgumentException("a bucket needs burst >= 1 and a positive refill rate");
        }
    }

    public boolean unlimited() {
        return Double.isInfinite(perSecond);
    }
}
