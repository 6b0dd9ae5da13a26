package dev.parley.relay.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-target bundle-fetch limit (finding 3 of the security review): one account may take a target's one-time
 * prekeys (EC and KEM) at most {@link #MAX_PER_WINDOW} times per {@link #WINDOW}; further bundles for that pair come
 * without one-time keys (signed prekey and last-resort KEM prekey only), so a burst of fetches from one account
 * cannot drain the target's stock. Memory stays bounded: expired pairs are dropped once the map grows past
 * {@link #SWEEP_ABOVE} entries.
 */
final class OneTimePreKeyGate {
    static final int MAX_PER_WINDOW = 3;
    static final Duration WINDOW = Duration.ofHours(24);
    static final int SWEEP_ABOVE = 50_000;

    private final Clock clock;
    private final Map<Pair, Window> windows = new ConcurrentHashMap<>();

    OneTimePreKeyGate(Clock clock) {
        this.clock = clock;
    }

    /** Whether {@code fetcher}'s bundle fetch for {@code target} may consume one-time prekeys now (and counts it). */
    boolean allowOneTime(String fetcher, String target) {
        long now = clock.millis();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> w.expired(now));
        }
        boolean[] allowed = new boolean[1];
        windows.compute(new Pair(fetcher, target), (pair, current) -> {
            Window window = current == null || current.expired(now) ? new Window(now, 0) : current;
            allowed[0] = window.count < MAX_PER_WINDOW;
            return allowed[0] ? new Window(window.start, window.count + 1) : window;
        });
        return allowed[0];
    }

    private record Pair(String fetcher, String target) {
    }

    private record Window(long start, int count) {
        boolean expired(long now) {
            return now - start >= WINDOW.toMillis();
        }
    }
}
