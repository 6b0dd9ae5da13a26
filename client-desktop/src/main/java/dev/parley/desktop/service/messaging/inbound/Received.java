package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EnvelopeDigest;

/**
 * One payload decrypted from a batch, waiting for the batch's commit.
 *
 * @param index  its position in the batch (its outcome's index)
 * @param sender the sender's username, as verified before decryption
 * @param digest the envelope's digest, recorded with the batch for exactly-once acknowledgement
 * @param group  the group conversation a group message's payload belongs to (issue #15); null for a pairwise payload,
 *               which belongs to the direct conversation with its sender
 * @param senderDevice the sender's device id, from its certificate (issue #17; 1 where it does not matter)
 */
public record Received<P extends Payload>(int index, String sender, P payload, EnvelopeDigest digest,
                                          ConversationId group, int senderDevice) {
    /** A pairwise payload. */
    public Received(int index, String sender, P payload, EnvelopeDigest digest) {
        this(index, sender, payload, digest, null, 1);
    }

    /** A payload from the sender's device 1, or with no device of its own (inside a group message). */
    public Received(int index, String sender, P payload, EnvelopeDigest digest, ConversationId group) {
        this(index, sender, payload, digest, group, 1);
    }

    /** Whether it arrived inside a group message. */
    public boolean inGroup() {
        return group != null;
    }
}
