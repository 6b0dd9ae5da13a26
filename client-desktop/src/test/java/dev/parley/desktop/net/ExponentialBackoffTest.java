package dev.parley.desktop.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.testing.DeterministicRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

    @Test
    void ceilingDoublesUpToTheMaximum() {
        ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(500), Duration.ofSeconds(10), new DeterministicRandom(1));
        List<Long> ceilings = new ArrayList<>();
        for (int attempt = 1; attempt <= 7; attempt++) {
            ceilings.add(backoff.ceiling(attempt).toMillis());
        }
        assertThat(ceilings).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 10000L, 10000L);
        assertThat(backoff.ceiling(1000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void delayIsBetweenHalfTheCeilingAndTheCeilingAndReproducible() {
        ExponentialBackoff a = new ExponentialBackoff(Duration.ofMillis(500), Duration.ofSeconds(10), new DeterministicRandom(7));
        ExponentialBackoff b = new ExponentialBackoff(Duration.ofMillis(500), Duration.ofSeconds(10), new DeterministicRandom(7));
        List<Duration> first = new ArrayList<>();
        for (int attempt = 1; attempt <= 20; attempt++) {
            Duration delay = a.delayBeforeAttempt(attempt);
            long ceiling = a.ceiling(attempt).toMillis();
            assertThat(delay.toMillis()).isBetween(ceiling / 2, ceiling);
            first.add(delay);
        }
        List<Duration> second = new ArrayList<>();
        for (int attempt = 1; attempt <= 20; attempt++) {
            second.add(b.delayBeforeAttempt(attempt));
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void jitterSpreadsClients() {
        ExponentialBackoff a = new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new DeterministicRandom(1));
        ExponentialBackoff b = new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new DeterministicRandom(2));
        List<Duration> da = new ArrayList<>();
        List<Duration> db = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            da.add(a.delayBeforeAttempt(attempt));
            db.add(b.delayBeforeAttempt(attempt));
        }
        assertThat(da).isNotEqualTo(db);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ZERO, Duration.ofSeconds(1), new DeterministicRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new DeterministicRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExponentialBackoff.standard(new DeterministicRandom(1)).ceiling(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
