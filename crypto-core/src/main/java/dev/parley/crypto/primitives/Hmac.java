package dev.parley.crypto.primitives;

/** HMAC-SHA-256 (RFC 2104) with keys of any length. */
public interface Hmac {
    int SHA256_BYTES = 32;

    byte[] sha256(byte[] key, byte[] data);

    /**
     * Constant-time check of a (possibly truncated, at least 16-byte) tag against the leading bytes of the MAC.
     * False for a null tag, a tag shorter than 16 bytes or longer than 32 bytes.
     */
    boolean verifySha256(byte[] key, byte[] data, byte[] tag);
}
