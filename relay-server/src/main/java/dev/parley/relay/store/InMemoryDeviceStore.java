package dev.parley.relay.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/** A {@link DeviceStore} in memory, beside {@link InMemoryAccountStore}. */
final class InMemoryDeviceStore implements DeviceStore {
    private final Map<String, TreeMap<Integer, Device>> devices = new HashMap<>();

    @Override
    public synchronized void ensureFirst(String username, byte[] identityKey, Instant now) {
        devices.computeIfAbsent(username, u -> {
            TreeMap<Integer, Device> first = new TreeMap<>();
            first.put(1, new Device(1, identityKey.clone(), new byte[0], now, now, false));
            return first;
        });
    }

    @Override
    public synchronized void reset(String username, byte[] identityKey, Instant now) {
        devices.remove(username);
        ensureFirst(username, identityKey, now);
    }

    @Override
    public synchronized OptionalInt add(String username, byte[] credentialKey, byte[] name, Instant now, int max) {
        TreeMap<Integer, Device> of = devices.get(username);
        if (of == null || currentOf(of).size() >= max) {
            return OptionalInt.empty();
        }
        int id = of.lastKey() + 1;
        of.put(id, new Device(id, credentialKey.clone(), name.clone(), now, now, false));
        return OptionalInt.of(id);
    }

    @Override
    public synchronized List<Device> current(String username) {
        TreeMap<Integer, Device> of = devices.get(username);
        return of == null ? List.of() : currentOf(of);
    }

    @Override
    public synchronized Optional<Device> find(String username, int deviceId) {
        TreeMap<Integer, Device> of = devices.get(username);
        return of == null ? Optional.empty() : Optional.ofNullable(of.get(deviceId));
    }

    @Override
    public synchronized boolean replaceCredential(String username, int deviceId, byte[] credentialKey) {
        Device d = currentDevice(username, deviceId);
        if (d == null) {
            return false;
        }
        devices.get(username).put(deviceId,
                new Device(deviceId, credentialKey.clone(), d.name(), d.createdAt(), d.lastSeenAt(), false));
        return true;
    }

    @Override
    public synchronized boolean rename(String username, int deviceId, byte[] name) {
        Device d = currentDevice(username, deviceId);
        if (d == null) {
            return false;
        }
        devices.get(username).put(deviceId,
                new Device(deviceId, d.credentialKey(), name.clone(), d.createdAt(), d.lastSeenAt(), false));
        return true;
    }

    @Override
    public synchronized UnlinkOutcome unlink(String username, int deviceId, Instant now) {
        Device d = currentDevice(username, deviceId);
        if (d == null) {
            return UnlinkOutcome.UNKNOWN;
        }
        if (current(username).size() == 1) {
            return UnlinkOutcome.LAST;
        }
        devices.get(username).put(deviceId,
                new Device(deviceId, d.credentialKey(), new byte[0], d.createdAt(), d.lastSeenAt(), true));
        return UnlinkOutcome.UNLINKED;
    }

    @Override
    public synchronized void seen(String username, int deviceId, Instant now) {
        Device d = currentDevice(username, deviceId);
        if (d != null) {
            devices.get(username).put(deviceId,
                    new Device(deviceId, d.credentialKey(), d.name(), d.createdAt(), now, false));
        }
    }

    synchronized long linkedCount() {
        return devices.values().stream().mapToLong(of -> currentOf(of).stream().filter(d -> d.id() > 1).count()).sum();
    }

    private Device currentDevice(String username, int deviceId) {
        TreeMap<Integer, Device> of = devices.get(username);
        Device d = of == null ? null : of.get(deviceId);
        return d == null || d.unlinked() ? null : d;
    }

    private static List<Device> currentOf(TreeMap<Integer, Device> of) {
        List<Device> out = new ArrayList<>();
        for (Device d : of.values()) {
            if (!d.unlinked()) {
                out.add(d);
            }
        }
        return out;
    }
}
