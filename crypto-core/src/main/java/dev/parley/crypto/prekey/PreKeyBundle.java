package dev.parley.crypto.prekey;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a relay hands out so that someone can start a session with a user who is offline: the user's identity key,
 * current signed prekey, at most one one-time prekey (consumed by the relay as it hands it out) and exactly one KEM
 * prekey (a one-time KEM prekey, consumed likewise, or the last-resort KEM prekey when none is left).
 *
 * @param identityKey   32-byte Ed25519 identity public key
 * @param signedPreKey  the current signed prekey; its signature must be checked against identityKey before use
 * @param oneTimePreKey a one-time prekey, or empty when the owner's stock is exhausted
 * @param kemPreKey     the KEM prekey to encapsulate to; its signature must be checked against identityKey
 */
public record PreKeyBundle(byte[] identityKey, SignedPreKeyPublic signedPreKey, Optional<OneTimePreKeyPublic> oneTimePreKey,
                           KemPreKeyPublic kemPreKey) {
    public PreKeyBundle {
        if (identityKey.length != 32) {
            throw new IllegalArgumentException("identity key: 32 bytes expected");
        }
        identityKey = identityKey.clone();
        if (signedPreKey == null || oneTimePreKey == null || kemPreKey == null) {
            throw new NullPointerException("signedPreKey, oneTimePreKey (possibly empty) and kemPreKey are required");
        }
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreKeyBundle other && Arrays.equals(identityKey, other.identityKey)
                && signedPreKey.equals(other.signedPreKey) && oneTimePreKey.equals(other.oneTimePreKey)
                && kemPreKey.equals(other.kemPreKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(identityKey) * 31 + signedPreKey.hashCode();
    }

    @Override
    public String toString() {
        return "PreKeyBundle[signedPreKey=" + signedPreKey.id() + ", oneTimePreKey="
                + oneTimePreKey.map(k -> Integer.toString(k.id())).orElse("none") + ", kemPreKey=" + kemPreKey.id() + "]";
    }
}
