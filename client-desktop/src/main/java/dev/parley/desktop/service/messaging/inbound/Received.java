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
 */
public record Received<P extends Payload>(int index, String sender, P payload, EnvelopeDigest digest,
                                          ConversationId group) {
    /** A pairwise payload. */
    public Received(int index, String sender, P payload, EnvelopeDigest digest) {
        this(index, sender, payload, digest, null);
    }

    /** Whether it arrived inside a group message. */
    public boolean inGroup() {
        return group != null;
    }
}
