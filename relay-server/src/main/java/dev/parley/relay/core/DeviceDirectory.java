package dev.parley.relay.core;

import dev.parley.relay.store.Device;
import dev.parley.relay.store.DeviceStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current device ids of accounts, read on every send: cached, and forgotten when this node changes an account's
 * devices. On a node of a cluster (a store shared with other nodes) an entry is also re-read after
 * {@link #TTL_MILLIS}, since another node may have changed them; a single relay is the only writer of its store, so
 * there an entry stays until this relay changes it (a store read per recipient every 5 s was most of what a
 * {@code send_ephemeral} cost, issue #14).
 */
final class DeviceDirectory {
    static final long TTL_MILLIS = 5_000;

    private final DeviceStore store;
    private final Clock clock;
    private final boolean shared;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(List<Integer> ids, long readAt) {
    }

    /** @param shared whether other relay nodes write the same store (then entries expire after {@link #TTL_MILLIS}) */
    DeviceDirectory(DeviceStore store, Clock clock, boolean shared) {
        this.store = store;
        this.clock = clock;
        this.shared = shared;
    }

    /** The account's current device ids in order ([1] for an account from before devices that never logged in). */
    List<Integer> ids(String username) {
        long now = clock.millis();
        Entry entry = cache.get(username);
        if (entry != null && (!shared || now - entry.readAt() < TTL_MILLIS)) {
            return entry.ids();
        }
        List<Integer> ids = store.current(username).stream().map(Device::id).toList();
        if (ids.isEmpty() && store.find(username, 1).isEmpty()) {
            ids = List.of(1);
        }
        cache.put(username, new Entry(ids, now));
        return ids;
    }

    /** Whether the account has exactly its device 1: the only case in which a plain send or fetch_bundle applies. */
    boolean onlyFirst(String username) {
        List<Integer> ids = ids(username);
        return ids.size() == 1 && ids.get(0) == 1;
    }

    void changed(String username) {
        cache.remove(username);
    }
}
