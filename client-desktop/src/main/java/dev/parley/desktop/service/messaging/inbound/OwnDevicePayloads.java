package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;

/**
 * Issue #17: what this account's own other devices may send this device (docs/protocol.md 1.18): sent transcripts,
 * read, conversation and contact syncs, the own profile, history chunks (for this device only, {@link #forOtherDevice});
 * for groups, the account's group changes made there, group transcripts, group read syncs, and at link time the groups
 * and the members' sender keys; the settings that follow the account. Anything else an own device sends is acknowledged and
 * dropped; each of these kinds' handlers in turn ignores it from anyone but an own device.
 */
final class OwnDevicePayloads {
    private OwnDevicePayloads() {
    }

    static boolean accepted(Payload payload) {
        return payload instanceof Payload.SentTranscript || payload instanceof Payload.ReadSync
                || payload instanceof Payload.ConversationSync || payload instanceof Payload.ContactSync
                || payload instanceof Payload.Profile
                || payload instanceof dev.parley.crypto.payload.HistoryChunk
                || payload instanceof Payload.GroupUpdate || payload instanceof dev.parley.crypto.payload.GroupTranscript
                || payload instanceof dev.parley.crypto.payload.GroupReadSync
                || payload instanceof dev.parley.crypto.payload.GroupSync
                || payload instanceof dev.parley.crypto.payload.SenderKeySync
                || payload instanceof dev.parley.crypto.payload.SettingsSync;
    }

    /** A history chunk the sending device addressed to another of this account's devices: it is not for this one. */
    static boolean forOtherDevice(Payload payload, int ownDeviceId) {
        return payload instanceof dev.parley.crypto.payload.HistoryChunk chunk && chunk.targetDevice() != ownDeviceId;
    }
}
