package dev.parley.crypto.ratchet;

import dev.parley.crypto.kdf.Kdf;

/**
 * A symmetric-ratchet chain key and its index (the number of the next message on this chain). Immutable.
 *
 * <p>KDF_CK(ck): message key = HMAC-SHA-256(ck, 0x01), next chain key = HMAC-SHA-256(ck, 0x02).
 */
public final class ChainKey {
    public static final int BYTES = 32;
    private static final byte[] MESSAGE_KEY_INPUT = {Kdf.MESSAGE_KEY_CONSTANT};
    private static final byte[] CHAIN_KEY_INPUT = {Kdf.CHAIN_KEY_CONSTANT};

    private final byte[] key;
    private final int index;

    public ChainKey(byte[] key, int index) {
        if (key.length != BYTES || index < 0) {
            throw new IllegalArgumentException("chain key: 32 bytes and a non-negative index expected");
        }
        this.key = key.clone();
        this.index = index;
    }

    /** The chain key for the next message. */
    public ChainKey next(Kdf kdf) {
        if (index == Integer.MAX_VALUE) {
            throw new IllegalStateException("chain exhausted");
        }
        return new ChainKey(kdf.hmac(key, CHAIN_KEY_INPUT), index + 1);
    }

    /** The message keys of message number {@link #index()}. */
    public MessageKeys messageKeys(Kdf kdf) {
        return new MessageKeys(kdf.hmac(key, MESSAGE_KEY_INPUT), index);
    }

    public int index() {
        return index;
    }

    /** A copy of the key bytes (secret). */
    public byte[] bytes() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "ChainKey[index=" + index + ", key hidden]";
    }
}
