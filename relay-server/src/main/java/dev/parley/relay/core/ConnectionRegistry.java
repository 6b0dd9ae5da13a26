package dev.parley.relay.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Who is online (one connection per user) and how many connections each address holds. */
final class ConnectionRegistry {
    private final Map<String, ClientConnection> online = new ConcurrentHashMap<>();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();

    /** Counts a new connection from an address unless it already holds {@code max}. */
    boolean admit(String address, int max) {
        boolean[] admitted = {false};
        perAddress.compute(address, (a, n) -> {
            int current = n == null ? 0 : n;
            if (current >= max) {
                return current;
            }
            admitted[0] = true;
            return current + 1;
        });
        return admitted[0];
    }

    void release(String address) {
        perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    /** Makes {@code connection} the user's online connection. @return the connection it displaced, or null */
    ClientConnection online(String username, ClientConnection connection) {
        return online.put(username, connection);
    }

    void offline(String username, ClientConnection connection) {
        online.remove(username, connection);
    }

    ClientConnection find(String username) {
        return online.get(username);
    }
}
