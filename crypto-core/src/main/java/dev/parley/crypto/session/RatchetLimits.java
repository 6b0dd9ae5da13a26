package dev.parley.crypto.session;

import java.time.Duration;

/**
 * Bounds on the skipped-message-key cache of a session.
 *
 * @param maxSkip         most message keys one incoming message may make the receiver skip on one chain (MAX_SKIP)
 * @param maxSkippedTotal most skipped keys a session keeps; beyond it the oldest are deleted
 * @param maxSkippedAge   how long a skipped key is kept (measured with the injected clock); older keys are deleted
 */
public record RatchetLimits(int maxSkip, int maxSkippedTotal, Duration maxSkippedAge) {
    /** MAX_SKIP = 1000 per chain, 2000 keys in total, kept 30 days. */
    public static final RatchetLimits DEFAULT = new RatchetLimits(1000, 2000, Duration.ofDays(30));

    public RatchetLimits {
        if (maxSkip < 1 || maxSkippedTotal < maxSkip || maxSkippedAge.isNegative() || maxSkippedAge.isZero()) {
            throw new IllegalArgumentException("invalid ratchet limits");
        }
    }
}
