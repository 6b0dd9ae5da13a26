package dev.parley.crypto.primitives;

/** Encoding checks on Ed25519 points that both providers apply identically before any curve arithmetic. */
final class Ed25519Encoding {
    private Ed25519Encoding() {
    }

    /**
     * True if the 255-bit y coordinate (sign bit ignored) is below p = 2^255 - 19, i.e. the encoding is canonical.
     * The non-canonical ones are y in [p, 2^255), whose encodings are ed..ff ff ... ff 7f (sign bit cleared).
     */
    static boolean isCanonicalY(byte[] encoded) {
        if ((encoded[31] & 0x7f) != 0x7f) {
            return true;
        }
        for (int i = 30; i > 0; i--) {
            if ((encoded[i] & 0xff) != 0xff) {
                return true;
            }
        }
        return (encoded[0] & 0xff) < 0xed;
    }
}
