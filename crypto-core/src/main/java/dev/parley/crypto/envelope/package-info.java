/**
 * Sealed-sender envelopes: the relay sees only the recipient and opaque bytes; the sender's identity, username and
 * a deniable MAC binding them to the ratchet message travel inside a sealed box. See
 * {@link dev.parley.crypto.envelope.SealedSender} and {@code docs/protocol.md} section 1.8.
 */
package dev.parley.crypto.envelope;
