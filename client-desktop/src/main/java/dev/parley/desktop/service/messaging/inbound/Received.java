package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.storage.EnvelopeDigest;

/**
 * One payload decrypted from a batch, waiting for the batch's commit.
 *
 * @param index  its position in the batch (its outcome's index)
 * @param sender the sender's username, as verified before decryption
 * @param digest the envelope's digest, recorded with the batch for exactly-once acknowledgement
 */
public record Received<P extends Payload>(int index, String sender, P payload, EnvelopeDigest digest) {
}
