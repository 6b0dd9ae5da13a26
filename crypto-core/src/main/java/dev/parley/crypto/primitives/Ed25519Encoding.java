package dev.parley.crypto.primitives;

import java.math.BigInteger;
import java.util.HexFormat;

/**
 * Checks on Ed25519 point encodings that both providers apply identically, mirroring libsodium's
 * {@code ge25519_is_canonical} and {@code ge25519_has_small_order}.
 */
final class Ed25519Encoding {
    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    /**
     * y coordinates (little-endian, sign bit ignored) of the 8 points of order dividing 8: 0 (order 4), 1 (identity),
     * the two order-8 values, p-1 (order 2), and the non-canonical p and p+1.
     */
    private static final byte[][] SMALL_ORDER_Y = {
        new byte[32],
        hex("0100000000000000000000000000000000000000000000000000000000000000"),
        hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
        hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
        hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        hex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
    };

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

    /** True if the encoding's y (sign bit ignored) is that of a point whose order divides 8. */
    static boolean hasSmallOrder(byte[] encoded) {
        for (byte[] candidate : SMALL_ORDER_Y) {
            boolean same = (encoded[31] & 0x7f) == candidate[31];
            for (int i = 0; i < 31 && same; i++) {
                same = encoded[i] == candidate[i];
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    /** The canonical y coordinate as an integer (sign bit dropped). */
    static BigInteger yCoordinate(byte[] encoded) {
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = encoded[31 - i];
        }
        bigEndian[0] &= 0x7f;
        return new BigInteger(1, bigEndian);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
