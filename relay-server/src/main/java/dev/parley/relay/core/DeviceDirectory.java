package dev.parley.relay.core;

import dev.parley.relay.store.Device;
import dev.parley.relay.store.DeviceStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current device ids of accounts, read on every send: cached, forgotten when this node changes an account's
 * devices, and re-read after {@link #TTL_MILLIS} (another node of a cluster may have changed them).
 */
final class DeviceDirectory {
    static final long TTL_MILLIS = 5_000;

    private final DeviceStore store;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(List<Integer> ids, long readAt) {
    }

    DeviceDirectory(DeviceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The account's current device ids in order ([1] for an account from before devices that never logged in). */
    List<Integer> ids(String username) {
        long now = clock.millis();
        Entry entry = cache.get(username);
        if (entry != null && now - entry.readAt() < TTL_MILLIS) {
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
