package dev.parley.desktop.service.presence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an announcement of this profile's presence to many contacts is spread over time (issue #14): {@code burst}
 * contacts at once, then {@code perWave} every {@code interval}. Each contact costs one {@code send_ephemeral} on the
 * connection, and the relay allows a connection a burst of 200 sends and 100 a second after it
 * ({@code SEND_PER_CONNECTION}); answers everything over that with RATE_LIMITED, which also counts as a rejected frame
 * (20 close the connection). The defaults use at most half of that, so the user's own messages still go.
 *
 * @param burst    contacts told at once
 * @param perWave  contacts told in each later wave
 * @param interval time between waves
 */
public record PresencePacing(int burst, int perWave, Duration interval) {
    /** 100 at once, then 50 a second: 500 contacts in 8 s. */
    public static final PresencePacing DEFAULTS = new PresencePacing(100, 50, Duration.ofSeconds(1));

    public PresencePacing {
        if (burst < 1 || perWave < 1) {
            throw new IllegalArgumentException("burst and perWave must be at least 1");
        }
        Objects.requireNonNull(interval);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
    }

    /** {@code all} in waves, in order: the first of at most {@code burst}, the others of at most {@code perWave}. */
    public <T> List<List<T>> waves(List<T> all) {
        List<List<T>> waves = new ArrayList<>();
        int from = 0;
        while (from < all.size()) {
            int size = waves.isEmpty() ? burst : perWave;
            int to = Math.min(all.size(), from + size);
            waves.add(List.copyOf(all.subList(from, to)));
            from = to;
        }
        return waves;
    }
}
