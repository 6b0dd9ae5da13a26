package dev.parley.relay.store;

import dev.parley.crypto.prekey.SignedPreKeyPublic;
import java.util.Objects;

/**
 * A registered user as the relay knows it: a username, an Ed25519 identity public key and the current signed prekey.
 * No password, no contact list, nothing else.
 */
public record Account(String username, byte[] identityKey, SignedPreKeyPublic signedPreKey) {
    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(signedPreKey, "signedPreKey");
        if (identityKey == null || identityKey.length != 32) {
            throw new IllegalArgumentException("identity key: 32 bytes expected");
        }
        identityKey = identityKey.clone();
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public String toString() {
        return "Account[signedPreKey=" + signedPreKey.id() + "]";
    }
}
