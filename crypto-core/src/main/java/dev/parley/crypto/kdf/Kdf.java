package dev.parley.crypto.kdf;

import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.Hkdf;

/**
 * The few key-derivation shapes the session protocol uses, each bound to a {@link Label}. Stateless and thread-safe.
 *
 * <ul>
 *   <li>{@link #derive}: HKDF-SHA-256 with {@code info = label.prefix() || context};</li>
 *   <li>{@link #hash}: SHA-256 of {@code label.prefix() || part1 || part2 ...};</li>
 *   <li>{@link #hmac}: plain HMAC-SHA-256, used by the symmetric chain with single-byte constants.</li>
 * </ul>
 */
public final class Kdf {
    /** Input of HMAC(chainKey, .) that yields a message key (Double Ratchet spec, section 5.2). */
    public static final byte MESSAGE_KEY_CONSTANT = 0x01;
    /** Input of HMAC(chainKey, .) that yields the next chain key. */
    public static final byte CHAIN_KEY_CONSTANT = 0x02;

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
        return provider.hkdf().deriveSha256(salt, ikm, info, length);
    }

    /** SHA-256(label.prefix() || parts[0] || parts[1] || ...). */
    public byte[] hash(Label label, byte[]... parts) {
        return provider.sha256(concat(label, parts));
    }

    /** HMAC-SHA-256(key, data) (RFC 2104). */
    public byte[] hmac(byte[] key, byte[] data) {
        return provider.hmac().sha256(key, data);
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
