package dev.parley.relay.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts, per recipient, stores that were started and whose outcome has not yet been handed to the recipient's
 * connection. While any is in flight a newer blob must not overtake it, so direct delivery waits.
 */
final class StoresInFlight {
    private final ConcurrentMap<String, Integer> counts = new ConcurrentHashMap<>();

    void begin(String recipient) {
        counts.merge(recipient, 1, Integer::sum);
    }

    void end(String recipient) {
        counts.computeIfPresent(recipient, (k, n) -> n == 1 ? null : n - 1);
    }

    boolean none(String recipient) {
        return !counts.containsKey(recipient);
    }
}
