package dev.parley.crypto.payload;

import dev.parley.crypto.group.SenderKeyDistribution;
import java.util.Objects;

/**
 * Issue #17, linked devices: a member's sender key as the sending device holds it (the chain at the iteration it has
 * reached), for the account's new device (SENDER_KEY_SYNC 47, docs/protocol.md 1.18): {@code sender} is the member's
 * username and {@code senderDevice} the device whose chain it is. With it the new device reads that member's group
 * messages from that point on, before the member learns of the new device. Taken only from the account's own devices.
 */
public record SenderKeySync(String sender, int senderDevice, SenderKeyDistribution distribution) implements Payload {
    public SenderKeySync {
        if (sender == null || !dev.parley.crypto.wire.Usernames.isValid(sender)) {
            throw new IllegalArgumentException("sender: a valid username expected");
        }
        if (senderDevice < 1) {
            throw new IllegalArgumentException("sender device: 1 or more expected");
        }
        Objects.requireNonNull(distribution, "distribution");
    }

    @Override
    public String toString() {
        return "SenderKeySync[device " + senderDevice + ", " + distribution.groupId() + "]";
    }

    @Override
    public int typeCode() {
        return PayloadType.SENDER_KEY_SYNC.code();
    }
}
