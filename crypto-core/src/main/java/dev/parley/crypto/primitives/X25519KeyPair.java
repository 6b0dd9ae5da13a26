package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;
import javax.security.auth.Destroyable;

/** A Curve25519 Diffie-Hellman key pair: 32-byte public key, 32-byte private scalar. */
public record X25519KeyPair(byte[] publicKey, SecretBytes privateKey) implements Destroyable, AutoCloseable {
    public X25519KeyPair {
        if (publicKey.length != X25519.KEY_BYTES || privateKey.length() != X25519.KEY_BYTES) {
            throw new IllegalArgumentException("X25519 keys are 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public void destroy() {
        privateKey.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return privateKey.isDestroyed();
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "X25519KeyPair[private key hidden]";
    }
}
