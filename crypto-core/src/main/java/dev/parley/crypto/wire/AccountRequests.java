package dev.parley.crypto.wire;

import static dev.parley.crypto.wire.RequestChecks.checkKemPreKeys;
import static dev.parley.crypto.wire.RequestChecks.checkPreKeys;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import java.util.List;
import java.util.Objects;

/**
 * The frames of an account: creating it, logging in, prekeys and looking a user up.
 *
 * <p>Only {@link Request} extends this interface, and only to give each record its name {@code Request.X}:
 * write {@code Request.Register}, never {@code AccountRequests.Register}.
 */
public interface AccountRequests {
    /**
     * Creates an account. Answered with {@link Response.Ok}. The relay verifies the signed prekey's and every KEM
     * prekey's signature against the identity key, and {@code proof}: the identity key's Ed25519 signature over
     * {@link AuthProof#registrationMessage(byte[], String)} for this relay's id and the username (possession of the
     * key). Registration does not authenticate the connection.
     *
     * @param lastResortKemPreKey the KEM prekey handed out when no one-time KEM prekey is left (required)
     * @param kemPreKeys          one-time KEM prekeys, at most {@link #MAX_KEM_PREKEYS_PER_FRAME}
     * @param inviteCode          required when the relay is invite-only, otherwise ignored; may be null
     */
    record Register(String username, byte[] identityKey, SignedPreKeyPublic signedPreKey,
                    List<OneTimePreKeyPublic> oneTimePreKeys, KemPreKeyPublic lastResortKemPreKey,
                    List<KemPreKeyPublic> kemPreKeys, String inviteCode, byte[] proof) implements Request {
        public Register {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(signedPreKey, "signedPreKey");
            Objects.requireNonNull(lastResortKemPreKey, "lastResortKemPreKey");
            oneTimePreKeys = checkPreKeys(oneTimePreKeys);
            kemPreKeys = checkKemPreKeys(kemPreKeys);
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

    /**
     * Fetches a user's prekey bundle, consuming one one-time prekey and one one-time KEM prekey (within the relay's
     * per-target fetch limit). Answered with {@link Response.Bundle}.
     */
    record FetchBundle(String username) implements Request {
        public FetchBundle {
            Objects.requireNonNull(username, "username");
        }
    }

    /**
     * Asks whether a username is registered (issue #14: exact-username lookup, authenticated clients only, rate limited
     * per account; never a list or a prefix search). Answered with {@link Response.LookupResult}; consumes nothing.
     */
    record Lookup(String username) implements Request {
        public Lookup {
            Objects.requireNonNull(username, "username");
        }
    }

    /**
     * Adds one-time prekeys and one-time KEM prekeys and optionally replaces the signed prekey and the last-resort
     * KEM prekey. Answered with {@link Response.PreKeyCount}.
     *
     * @param signedPreKey        a new signed prekey, or null to keep the current one
     * @param lastResortKemPreKey a new last-resort KEM prekey, or null to keep the current one
     * @param kemPreKeys          one-time KEM prekeys, at most {@link #MAX_KEM_PREKEYS_PER_FRAME}
     */
    record UploadPreKeys(SignedPreKeyPublic signedPreKey, List<OneTimePreKeyPublic> oneTimePreKeys,
                         KemPreKeyPublic lastResortKemPreKey, List<KemPreKeyPublic> kemPreKeys) implements Request {
        public UploadPreKeys {
            oneTimePreKeys = checkPreKeys(oneTimePreKeys);
            kemPreKeys = checkKemPreKeys(kemPreKeys);
        }

        /** An upload of one-time prekeys only. */
        public UploadPreKeys(SignedPreKeyPublic signedPreKey, List<OneTimePreKeyPublic> oneTimePreKeys) {
            this(signedPreKey, oneTimePreKeys, null, List.of());
        }
    }

    /**
     * Issue #17: replaces, in one step, everything the relay holds of the user's prekeys: every one-time prekey and
     * one-time KEM prekey is dropped and the given ones take their place, and the signed prekey and the last-resort
     * KEM prekey are replaced. Sent by a profile restored from a backup, whose private halves of the old keys are gone.
     * Answered with {@link Response.PreKeyCount}.
     *
     * @param signedPreKey        the new signed prekey (required)
     * @param lastResortKemPreKey the new last-resort KEM prekey (required)
     * @param kemPreKeys          one-time KEM prekeys, at most {@link #MAX_KEM_PREKEYS_PER_FRAME}
     */
    record ReplacePreKeys(SignedPreKeyPublic signedPreKey, List<OneTimePreKeyPublic> oneTimePreKeys,
                          KemPreKeyPublic lastResortKemPreKey, List<KemPreKeyPublic> kemPreKeys) implements Request {
        public ReplacePreKeys {
            Objects.requireNonNull(signedPreKey, "signedPreKey");
            Objects.requireNonNull(lastResortKemPreKey, "lastResortKemPreKey");
            oneTimePreKeys = checkPreKeys(oneTimePreKeys);
            kemPreKeys = checkKemPreKeys(kemPreKeys);
        }
    }
}
