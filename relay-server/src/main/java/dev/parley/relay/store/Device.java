package dev.parley.relay.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One device of an account (docs/protocol.md, "Linked devices").
 *
 * @param credentialKey the Ed25519 key the device logs in with (device 1 of an account from before devices: the
 *                      identity key). An unlinked device keeps it only so the relay can tell that device it was unlinked
 * @param name          opaque bytes the client chose (clients seal it); empty when none
 * @param unlinked      true once the device was unlinked: it can never log in again, and its id is never reused
 */
public record Device(int id, byte[] credentialKey, byte[] name, Instant createdAt, Instant lastSeenAt, boolean unlinked) {
    public Device {
        Objects.requireNonNull(credentialKey, "credentialKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }
}
