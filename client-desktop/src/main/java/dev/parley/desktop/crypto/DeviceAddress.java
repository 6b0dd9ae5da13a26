package dev.parley.desktop.crypto;

import dev.parley.crypto.identity.Username;
import java.util.Objects;

/**
 * One device of an account (issue #17, linked devices): the key of its session, of its outbox entries and of its
 * place in the device lists. Device 1 is the username itself, so a single-device account's sessions and outbox are
 * keyed exactly as before devices; device N >= 2 is {@code username:N} ({@code :} is never part of a username), the
 * same convention as the relay's device addresses.
 */
public record DeviceAddress(String username, int deviceId) {
    private static final char SEPARATOR = ':';

    public DeviceAddress {
        Objects.requireNonNull(username, "username");
        if (username.isEmpty() || username.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("username: non-empty, without ':'");
        }
        if (deviceId < 1) {
            throw new IllegalArgumentException("device id: 1 or more expected");
        }
    }

    /** Device 1 of an account. */
    public static DeviceAddress first(String username) {
        return new DeviceAddress(username, 1);
    }

    /** The device that sealed an opened envelope, as its sender certificate names it. */
    public static DeviceAddress sender(dev.parley.crypto.envelope.OpenedEnvelope opened) {
        return new DeviceAddress(opened.senderUsername().value(), opened.senderDevice());
    }

    /** Parses {@link #value()}: {@code bob} is device 1 of bob, {@code bob:2} device 2. */
    public static DeviceAddress parse(String value) {
        int at = value.indexOf(SEPARATOR);
        if (at < 0) {
            return new DeviceAddress(value, 1);
        }
        String digits = value.substring(at + 1);
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || digits.charAt(0) == '0') {
            throw new IllegalArgumentException("not a device address");
        }
        long id = Long.parseLong(digits);
        if (id < 2 || id > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a device address");
        }
        return new DeviceAddress(value.substring(0, at), (int) id);
    }

    /** The account a stored key (a session or outbox recipient) belongs to. */
    public static String accountOf(String value) {
        int at = value.indexOf(SEPARATOR);
        return at < 0 ? value : value.substring(0, at);
    }

    /** {@code username} for device 1, {@code username:N} otherwise. */
    public String value() {
        return deviceId == 1 ? username : username + SEPARATOR + deviceId;
    }

    /** The name the session protocol's stores key this device's session by. */
    public Username session() {
        return new Username(value());
    }

    @Override
    public String toString() {
        return "DeviceAddress[device " + deviceId + "]";
    }
}
