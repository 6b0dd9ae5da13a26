package dev.parley.crypto.ratchet;

import java.util.Arrays;

/** The XSalsa20-Poly1305 key (32 bytes) and nonce (24 bytes) of one message, see {@link MessageKeys#cipherKeys}. */
public final class MessageCipherKeys {
    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 24;

    private final byte[] key;
    private final byte[] nonce;

    MessageCipherKeys(byte[] key, byte[] nonce) {
        this.key = key;
        this.nonce = nonce;
    }

    public byte[] key() {
        return key.clone();
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    /** Zeroes the key and nonce. */
    public void wipe() {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(nonce, (byte) 0);
    }

    @Override
    public String toString() {
        return "MessageCipherKeys[hidden]";
    }
}
