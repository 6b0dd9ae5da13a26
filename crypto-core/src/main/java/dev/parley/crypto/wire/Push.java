package dev.parley.crypto.wire;

import java.util.Objects;

/** Frames the relay sends on its own, with request id 0. Clients never answer a push with a response frame. */
public sealed interface Push extends Frame {

    /**
     * Sent on connect and after each failed authentication: sign
     * {@link AuthProof#signedMessage(byte[], byte[], String, byte[])} with these values before {@code expiresAtMillis}.
     *
     * @param relayId         16-byte random id of this relay, stable across restarts
     * @param nonce           32 fresh random bytes, valid for one authentication attempt
     * @param expiresAtMillis epoch milliseconds after which the challenge is refused
     * @param signingKey      the relay's Ed25519 signing public key (32 bytes), which signs sender certificates;
     *                        clients pin it (with the relay id) at {@code init}
     */
    record Challenge(byte[] relayId, byte[] nonce, long expiresAtMillis, byte[] signingKey) implements Push {
        public Challenge {
            if (relayId == null || relayId.length != AuthProof.RELAY_ID_BYTES
                    || nonce == null || nonce.length != AuthProof.NONCE_BYTES) {
                throw new IllegalArgumentException("challenge: 16-byte relay id and 32-byte nonce expected");
            }
            if (signingKey == null || signingKey.length != 32) {
                throw new IllegalArgumentException("challenge: 32-byte signing key expected");
            }
        }
    }

    /**
     * A stored blob for the authenticated user. Acknowledge it with {@link Request.Ack} to have it deleted;
     * unacknowledged blobs are delivered again on the next connection.
     *
     * @param messageId       relay-assigned id, increasing in queue order
     * @param receivedAtMillis epoch milliseconds when the relay stored it
     * @param blob            the sealed bytes exactly as sent; the sender is not named
     */
    record Deliver(long messageId, long receivedAtMillis, byte[] blob) implements Push {
        public Deliver {
            Objects.requireNonNull(blob, "blob");
        }
    }

    /** Every blob queued when the connection authenticated has been sent; later blobs are pushed live. */
    record QueueEmpty() implements Push {
    }

    /**
     * The user's one-time prekey stock (the smaller of its one-time prekey and one-time KEM prekey counts) is low:
     * upload more with {@link Request.UploadPreKeys}.
     */
    record PreKeysLow(int remaining) implements Push {
    }

    /** An ephemeral frame (typing, presence) from {@link Request.SendEphemeral}; never stored. */
    record Ephemeral(byte[] blob) implements Push {
        public Ephemeral {
            Objects.requireNonNull(blob, "blob");
        }
    }

    /** A linking message sent on a channel this connection takes part in (docs/protocol.md, "Linked devices"). */
    record LinkMessage(byte[] channel, byte[] blob) implements Push {
    }

    /**
     * To a channel's opener: the new device that had joined the channel left it (its connection closed: it cancelled,
     * its window or process closed), so the opener stops waiting for it (issue #17).
     */
    record LinkLeft(byte[] channel) implements Push {
    }
}
