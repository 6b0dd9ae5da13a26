package dev.parley.desktop.ui.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdleLockTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void locksOnlyAfterTheTimeoutWithoutActivity() {
        IdleLock lock = new IdleLock(clock, Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(4));
        assertThat(lock.shouldLock()).isFalse();
        lock.activity();
        clock.advance(Duration.ofMinutes(4));
        assertThat(lock.shouldLock()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(lock.shouldLock()).isTrue();
    }

    @Test
    void zeroDisablesAutoLock() {
        IdleLock lock = new IdleLock(clock, Duration.ZERO);
        clock.advance(Duration.ofDays(3));
        assertThat(lock.shouldLock()).isFalse();
        lock.setTimeout(Duration.ofMinutes(1));
        assertThat(lock.shouldLock()).isTrue();
    }
}
