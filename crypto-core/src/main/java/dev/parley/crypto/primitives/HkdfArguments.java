package dev.parley.crypto.primitives;

import java.util.Objects;

/** The argument rules both HKDF implementations share. */
final class HkdfArguments {
    private HkdfArguments() {
    }

    /** @throws IllegalArgumentException unless 1 <= length <= 255 * 32 */
    static void check(byte[] inputKeyMaterial, int length) {
        Objects.requireNonNull(inputKeyMaterial, "input key material");
        if (length < 1 || length > Hkdf.MAX_OUTPUT_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA-256 output length must be 1.." + Hkdf.MAX_OUTPUT_BYTES
                    + ", got " + length);
        }
    }
}
