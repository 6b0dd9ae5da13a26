package dev.parley.crypto.primitives;

import com.goterl.lazysodium.Sodium;
import dev.parley.crypto.secret.SecretBytes;

/**
 * HMAC-SHA-256 (RFC 2104) with keys of any length, built on libsodium's {@code crypto_hash_sha256}:
 * H((K' ^ opad) || H((K' ^ ipad) || m)), K' = key zero-padded to 64 bytes (or SHA-256(key) if longer). libsodium's
 * one-shot {@code crypto_auth_hmacsha256} only takes 32-byte keys, and its streaming API needs a JNA structure per
 * call, which costs more than the two plain byte-array calls used here. Padded keys are wiped after use.
 */
final class SodiumHmac implements Hmac {
    private static final int BLOCK_BYTES = 64;
    private final Sodium sodium;

    SodiumHmac(Sodium sodium) {
        this.sodium = sodium;
    }

    @Override
    public byte[] sha256(byte[] key, byte[] data) {
        Inputs.notNull(key, "HMAC key");
        Inputs.notNull(data, "data");
        byte[] blockKey = new byte[BLOCK_BYTES];
        byte[] inner = new byte[BLOCK_BYTES + data.length];
        byte[] outer = new byte[BLOCK_BYTES + SHA256_BYTES];
        try {
            if (key.length > BLOCK_BYTES) {
                byte[] hashedKey = hash(key);
                System.arraycopy(hashedKey, 0, blockKey, 0, hashedKey.length);
                SecretBytes.wipe(hashedKey);
            } else {
                System.arraycopy(key, 0, blockKey, 0, key.length);
            }
            for (int i = 0; i < BLOCK_BYTES; i++) {
                inner[i] = (byte) (blockKey[i] ^ 0x36);
                outer[i] = (byte) (blockKey[i] ^ 0x5c);
            }
            System.arraycopy(data, 0, inner, BLOCK_BYTES, data.length);
            byte[] innerHash = hash(inner);
            System.arraycopy(innerHash, 0, outer, BLOCK_BYTES, SHA256_BYTES);
            SecretBytes.wipe(innerHash);
            return hash(outer);
        } finally {
            SecretBytes.wipe(blockKey);
            SecretBytes.wipe(inner);
            SecretBytes.wipe(outer);
        }
    }

    @Override
    public boolean verifySha256(byte[] key, byte[] data, byte[] tag) {
        return TruncatedTag.matches(sha256(key, data), tag);
    }

    private byte[] hash(byte[] input) {
        byte[] out = new byte[SHA256_BYTES];
        if (sodium.crypto_hash_sha256(out, input, input.length) != 0) {
            throw new IllegalStateException("crypto_hash_sha256 failed");
        }
        return out;
    }
}
