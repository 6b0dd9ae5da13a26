package dev.parley.crypto.primitives;

import java.util.Arrays;

/** Constant-time comparison of a full MAC with a tag that may be truncated to no fewer than 16 bytes. */
final class TruncatedTag {
    static final int MIN_TAG_BYTES = 16;

    private TruncatedTag() {
    }

    /** False for null tags, tags shorter than 16 bytes or longer than the MAC; else a constant-time prefix check. */
    static boolean matches(byte[] fullMac, byte[] tag) {
        if (tag == null || tag.length < MIN_TAG_BYTES || tag.length > fullMac.length) {
            return false;
        }
        return ConstantTime.equals(Arrays.copyOf(fullMac, tag.length), tag);
    }
}
