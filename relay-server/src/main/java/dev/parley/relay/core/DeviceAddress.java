package dev.parley.relay.core;

/**
 * Where a device's queue and prekeys live (docs/protocol.md, "Linked devices"): the username itself for device 1, so
 * a single-device account keeps everything where it always was, and {@code username:N} for device N ≥ 2 ({@code :} is
 * never part of a username, so no address is another account's name).
 */
final class DeviceAddress {
    private DeviceAddress() {
    }

    static String of(String username, int deviceId) {
        if (deviceId < 1) {
            throw new IllegalArgumentException("device ids start at 1");
        }
        return deviceId == 1 ? username : username + ":" + deviceId;
    }
}
