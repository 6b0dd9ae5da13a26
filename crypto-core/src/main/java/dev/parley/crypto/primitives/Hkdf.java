package dev.parley.crypto.primitives;

/** HKDF with HMAC-SHA-256 (RFC 5869). An empty or null salt means 32 zero bytes, as the RFC says. */
public interface Hkdf {
    int MAX_OUTPUT_BYTES = 255 * 32;

    /**
     * RFC 5869 extract-then-expand. {@code info} may be null (empty).
     *
     * @throws IllegalArgumentException unless {@code 1 <= length <= MAX_OUTPUT_BYTES}
     */
    byte[] deriveSha256(byte[] salt, byte[] inputKeyMaterial, byte[] info, int length);
}
