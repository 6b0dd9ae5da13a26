package dev.parley.crypto.kdf;

import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.Hkdf;
import java.util.Arrays;

/**
 * The few key-derivation shapes the session protocol uses, each bound to a {@link Label}. Stateless and thread-safe.
 *
 * <ul>
 *   <li>{@link #derive}: HKDF-SHA-256 with {@code info = label.prefix() || context};</li>
 *   <li>{@link #hash}: SHA-256 of {@code label.prefix() || part1 || part2 ...};</li>
 *   <li>{@link #hmac}: plain HMAC-SHA-256, used by the symmetric chain with single-byte constants.</li>
 * </ul>
 *
 * <p>HMAC-SHA-256 (RFC 2104) and HKDF (RFC 5869) are computed here over the provider's one-shot SHA-256 rather than
 * through {@link CryptoProvider#hmac()}: the libsodium provider's streaming HMAC costs about 10 us per call through
 * JNA, this about 1.5 us, and the ratchet makes five HMAC computations per message. The construction is exactly the
 * RFC one: {@code KdfTest} checks it against the Wycheproof HMAC-SHA-256 and HKDF-SHA-256 vectors and against the
 * JDK's {@code HmacSHA256}, on both providers.
 */
public final class Kdf {
    /** Input of HMAC(chainKey, .) that yields a message key (Double Ratchet spec, section 5.2). */
    public static final byte MESSAGE_KEY_CONSTANT = 0x01;
    /** Input of HMAC(chainKey, .) that yields the next chain key. */
    public static final byte CHAIN_KEY_CONSTANT = 0x02;

    private static final int BLOCK_BYTES = 64;
    private static final int HASH_BYTES = 32;

    private final CryptoProvider provider;

    public Kdf(CryptoProvider provider) {
        this.provider = provider;
    }

    /**
     * HKDF-SHA-256(salt, ikm, info = label.prefix() || context, length).
     *
     * @param salt    null or empty means 32 zero bytes (RFC 5869)
     * @param context extra info bytes after the label; may be empty
     */
    public byte[] derive(byte[] salt, byte[] ikm, Label label, byte[] context, int length) {
        return hkdfSha256(salt, ikm, concat(label, context), length);
    }

    /** HKDF-SHA-256 (RFC 5869) with an arbitrary info; a null or empty salt means 32 zero bytes. */
    public byte[] hkdfSha256(byte[] salt, byte[] ikm, byte[] info, int length) {
        if (length < 0 || length > Hkdf.MAX_OUTPUT_BYTES) {
            throw new IllegalArgumentException("HKDF output length out of range");
        }
        byte[] prk = hmac(salt == null || salt.length == 0 ? new byte[HASH_BYTES] : salt, ikm);
        byte[] okm = new byte[length];
        byte[] block = new byte[0];
        byte[] input = null;
        try {
            for (int offset = 0, counter = 1; offset < length; counter++) {
                input = new byte[block.length + info.length + 1];
                System.arraycopy(block, 0, input, 0, block.length);
                System.arraycopy(info, 0, input, block.length, info.length);
                input[input.length - 1] = (byte) counter;
                Arrays.fill(block, (byte) 0);
                block = hmac(prk, input);
                Arrays.fill(input, (byte) 0);
                int n = Math.min(HASH_BYTES, length - offset);
                System.arraycopy(block, 0, okm, offset, n);
                offset += n;
            }
            return okm;
        } finally {
            Arrays.fill(prk, (byte) 0);
            Arrays.fill(block, (byte) 0);
        }
    }

    /** SHA-256(label.prefix() || parts[0] || parts[1] || ...). */
    public byte[] hash(Label label, byte[]... parts) {
        return provider.sha256(concat(label, parts));
    }

    /** HMAC-SHA-256(key, data) (RFC 2104), over the provider's SHA-256. */
    public byte[] hmac(byte[] key, byte[] data) {
        byte[] k = key.length > BLOCK_BYTES ? provider.sha256(key) : key;
        byte[] inner = new byte[BLOCK_BYTES + data.length];
        byte[] outer = new byte[BLOCK_BYTES + HASH_BYTES];
        for (int i = 0; i < BLOCK_BYTES; i++) {
            byte b = i < k.length ? k[i] : 0;
            inner[i] = (byte) (b ^ 0x36);
            outer[i] = (byte) (b ^ 0x5c);
        }
        System.arraycopy(data, 0, inner, BLOCK_BYTES, data.length);
        byte[] innerHash = provider.sha256(inner);
        System.arraycopy(innerHash, 0, outer, BLOCK_BYTES, HASH_BYTES);
        try {
            return provider.sha256(outer);
        } finally {
            Arrays.fill(inner, 0, BLOCK_BYTES, (byte) 0);
            Arrays.fill(outer, (byte) 0);
            Arrays.fill(innerHash, (byte) 0);
            if (k != key) {
                Arrays.fill(k, (byte) 0);
            }
        }
    }

    /** {@code label.prefix() || parts...} as one array. */
    public static byte[] concat(Label label, byte[]... parts) {
        int length = label.prefixLength();
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        label.copyPrefixTo(out, 0);
        int offset = label.prefixLength();
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }
}
