package dev.parley.desktop.service;

import dev.parley.crypto.payload.Payload;

/**
 * Issue #17, linked devices: tells this account's other devices about a change the user made on this one (contacts,
 * conversation marks; docs/protocol.md 1.18). Queued durably like a message; nothing for an account with one device.
 * A failure to queue is logged and never undoes the change itself.
 */
@FunctionalInterface
public interface OwnDeviceSync {
    /** Does nothing: a profile that has no other devices to tell (tests of a single service). */
    OwnDeviceSync NONE = payload -> { };

    void send(Payload payload);
}
