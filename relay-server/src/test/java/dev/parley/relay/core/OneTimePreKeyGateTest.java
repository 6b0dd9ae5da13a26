package dev.parley.relay.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OneTimePreKeyGateTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void eachFetcherTargetPairGetsThreeOneTimeFetchesPerWindow() {
        OneTimePreKeyGate gate = new OneTimePreKeyGate(clock);
        for (int i = 0; i < OneTimePreKeyGate.MAX_PER_WINDOW; i++) {
            assertThat(gate.allowOneTime("mallory", "bob")).isTrue();
        }
        assertThat(gate.allowOneTime("mallory", "bob")).isFalse();
        assertThat(gate.allowOneTime("alice", "bob")).isTrue();
        assertThat(gate.allowOneTime("mallory", "carol")).isTrue();

        now.set(now.get().plus(OneTimePreKeyGate.WINDOW).minus(Duration.ofSeconds(1)));
        assertThat(gate.allowOneTime("mallory", "bob")).isFalse();
        now.set(now.get().plus(Duration.ofSeconds(1)));
        assertThat(gate.allowOneTime("mallory", "bob")).isTrue();
    }
}
