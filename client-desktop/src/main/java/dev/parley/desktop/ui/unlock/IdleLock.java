package dev.parley.desktop.ui.unlock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides when the app locks itself: after {@code timeout} without user input (zero disables it). The view reports
 * activity and polls {@link #shouldLock()} on a timer; time comes from the injected clock. Pure; no toolkit.
 */
public final class IdleLock {
    private final Clock clock;
    private volatile Duration timeout;
    private volatile Instant lastActivity;

    public IdleLock(Clock clock, Duration timeout) {
        this.clock = Objects.requireNonNull(clock);
        setTimeout(timeout);
        this.lastActivity = clock.instant();
    }

    /** Changes the timeout (from the settings); zero or negative disables auto-lock. */
    public void setTimeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout);
    }

    public Duration timeout() {
        return timeout;
    }

    /** The user did something (key, mouse). */
    public void activity() {
        lastActivity = clock.instant();
    }

    /** True once the user has been idle for the timeout. */
    public boolean shouldLock() {
        Duration t = timeout;
        return !t.isZero() && !t.isNegative() && !clock.instant().isBefore(lastActivity.plus(t));
    }
}
