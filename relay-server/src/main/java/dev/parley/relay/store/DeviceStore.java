package dev.parley.relay.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The devices of each account (docs/protocol.md, "Linked devices"). Thread-safe; every method is atomic, also across
 * the nodes of a cluster. A linked device's prekeys are kept by the {@link AccountStore} under its device address
 * ({@code username:N}); this store keeps who the devices are.
 */
public interface DeviceStore {

    /**
     * Gives an account that has no device yet (new, or registered before devices existed) its device 1, logging in
     * with {@code identityKey}; does nothing when the account has any device, current or unlinked.
     */
    void ensureFirst(String username, byte[] identityKey, Instant now);

    /**
     * Gives a newly registered account its device 1, logging in with {@code identityKey}, and forgets any device rows
     * left under the username by an account that was deleted from the relay before.
     */
    void reset(String username, byte[] identityKey, Instant now);

    /**
     * Adds a device with the next id (one more than the highest id the account ever had) unless the account already
     * has {@code max} current devices. @return the new id, or empty when the account is full
     */
    OptionalInt add(String username, byte[] credentialKey, byte[] name, Instant now, int max);

    /** The account's current (not unlinked) devices in id order; empty for an unknown account. */
    List<Device> current(String username);

    /** A device of the account, current or unlinked. */
    Optional<Device> find(String username, int deviceId);

    /** Replaces a current device's credential key. @return false when there is no such current device */
    boolean replaceCredential(String username, int deviceId, byte[] credentialKey);

    /**
     * Replaces a current device's name (sealed by the clients, opaque here). @return false when there is no such
     * current device
     */
    boolean rename(String username, int deviceId, byte[] name);

    /** Unlinks a current device, unless it is the account's only one. */
    UnlinkOutcome unlink(String username, int deviceId, Instant now);

    /** Records that the device logged in. */
    void seen(String username, int deviceId, Instant now);

    /** What {@link #unlink} did. */
    enum UnlinkOutcome {
        UNLINKED,
        /** No current device with that id: nothing changed. */
        UNKNOWN,
        /** It is the account's only current device: nothing changed. */
        LAST
    }
}
