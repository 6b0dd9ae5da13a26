package dev.parley.crypto.prekey;

import java.util.Arrays;

/**
 * The public half of a one-time prekey, as published to the relay; handed out at most once.
 *
 * @param id        the owner's identifier for this prekey, unique per owner
 * @param publicKey 32-byte X25519 public key
 */
public record OneTimePreKeyPublic(int id, byte[] publicKey) {
    public OneTimePreKeyPublic {
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("one-time prekey: 32-byte key expected");
        }
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OneTimePreKeyPublic other && id == other.id && Arrays.equals(publicKey, other.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "OneTimePreKeyPublic[id=" + id + "]";
    }
}
