package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;
import javax.security.auth.Destroyable;

/**
 * An Ed25519 signing key pair (RFC 8032): 32-byte public key and the 32-byte private seed it is derived from.
 * Providers expand the seed as they need; only the seed is ever stored.
 */
public record Ed25519KeyPair(byte[] publicKey, SecretBytes seed) implements Destroyable, AutoCloseable {
    public Ed25519KeyPair {
        if (publicKey.length != Ed25519.PUBLIC_KEY_BYTES || seed.length() != Ed25519.SEED_BYTES) {
            throw new IllegalArgumentException("Ed25519 public keys and seeds are 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public void destroy() {
        seed.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return seed.isDestroyed();
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "Ed25519KeyPair[private key hidden]";
    }
}
