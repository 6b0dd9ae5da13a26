package dev.parley.crypto.wire;

import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import java.util.List;
import java.util.Objects;

/**
 * Frames a client sends. The relay answers each one with exactly one {@link Response} carrying the same request
 * id: the type named on each record, or {@link Response.ErrorResponse}. Before authentication only
 * {@link Register} and {@link Authenticate} are accepted.
 */
public sealed interface Request extends Frame {
    /** Largest number of one-time prekeys in one register or upload frame. */
    int MAX_PREKEYS_PER_FRAME = 200;
    /** Size of a client message id. */
    int CLIENT_MESSAGE_ID_BYTES = 16;

    /**
     * Creates an account. Answered with {@link Response.Ok}. The relay verifies the signed prekey's signature
     * against the identity key, and {@code proof}: the identity key's Ed25519 signature over
     * {@link AuthProof#registrationMessage(byte[], String)} for this relay's id and the username (possession of the
     * key). Registration does not authenticate the connection.
     *
     * @param inviteCode required when the relay is invite-only, otherwise ignored; may be null
     */
    record Register(String username, byte[] identityKey, SignedPreKeyPublic signedPreKey,
                    List<OneTimePreKeyPublic> oneTimePreKeys, String inviteCode, byte[] proof) implements Request {
        public Register {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(signedPreKey, "signedPreKey");
            oneTimePreKeys = checkPreKeys(oneTimePreKeys);
            if (identityKey == null || identityKey.length != 32) {
                throw new IllegalArgumentException("identityKey: 32 bytes expected");
            }
            if (proof == null || proof.length != 64) {
                throw new IllegalArgumentException("proof: 64 bytes expected");
            }
        }
    }

    /**
     * Answers the latest {@link Push.Challenge} with an Ed25519 signature over
     * {@link AuthProof#signedMessage(byte[], byte[], String, byte[])}. Answered with {@link Response.Authenticated}.
     */
    record Authenticate(String username, byte[] signature) implements Request {
        public Authenticate {
            Objects.requireNonNull(username, "username");
            if (signature == null || signature.length != 64) {
                throw new IllegalArgumentException("signature: 64 bytes expected");
            }
        }
    }

    /** Fetches a user's prekey bundle, consuming one one-time prekey. Answered with {@link Response.Bundle}. */
    record FetchBundle(String username) implements Request {
        public FetchBundle {
            Objects.requireNonNull(username, "username");
        }
    }

    /**
     * Adds one-time prekeys and optionally replaces the signed prekey. Answered with {@link Response.PreKeyCount}.
     *
     * @param signedPreKey a new signed prekey, or null to keep the current one
     */
    record UploadPreKeys(SignedPreKeyPublic signedPreKey, List<OneTimePreKeyPublic> oneTimePreKeys) implements Request {
        public UploadPreKeys {
            oneTimePreKeys = checkPreKeys(oneTimePreKeys);
        }
    }

    /**
     * Queues a sealed blob for {@code to}. Answered with {@link Response.SendAccepted} once the blob is stored;
     * a repeated {@code clientMessageId} for the same recipient is accepted again without storing a second copy.
     *
     * @param clientMessageId 16 random bytes chosen by the sender, for idempotent retries
     * @param blob            opaque sealed bytes; the relay never looks inside
     */
    record Send(String to, byte[] clientMessageId, byte[] blob) implements Request {
        public Send {
            Objects.requireNonNull(to, "to");
            if (clientMessageId == null || clientMessageId.length != CLIENT_MESSAGE_ID_BYTES) {
                throw new IllegalArgumentException("clientMessageId: 16 bytes expected");
            }
            if (blob == null || blob.length == 0) {
                throw new IllegalArgumentException("blob: non-empty bytes expected");
            }
        }
    }

    /**
     * An ephemeral frame (typing, presence): pushed to {@code to} as {@link Push.Ephemeral} if online, never stored.
     * Answered with {@link Response.Ok} whether or not the recipient was online.
     */
    record SendEphemeral(String to, byte[] blob) implements Request {
        public SendEphemeral {
            Objects.requireNonNull(to, "to");
            if (blob == null || blob.length == 0) {
                throw new IllegalArgumentException("blob: non-empty bytes expected");
            }
        }
    }

    /** Acknowledges a {@link Push.Deliver}; the relay then deletes the blob. Answered with {@link Response.Ok}. */
    record Ack(long messageId) implements Request {
    }

    private static List<OneTimePreKeyPublic> checkPreKeys(List<OneTimePreKeyPublic> keys) {
        if (keys == null) {
            return List.of();
        }
        if (keys.size() > MAX_PREKEYS_PER_FRAME) {
            throw new IllegalArgumentException("at most " + MAX_PREKEYS_PER_FRAME + " one-time prekeys per frame");
        }
        return List.copyOf(keys);
    }
}
