package dev.parley.crypto.primitives;

import java.security.MessageDigest;

/** Comparisons whose running time does not depend on where inputs differ. */
public final class ConstantTime {
    private ConstantTime() {
    }

    /** True if both arrays have the same length and content; time depends only on the lengths. */
    public static boolean equals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
