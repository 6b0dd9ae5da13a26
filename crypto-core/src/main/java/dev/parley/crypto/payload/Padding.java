package dev.parley.crypto.payload;

import dev.parley.crypto.exceptions.InvalidMessageException;
import java.util.Arrays;

/**
 * Pads an encoded payload to a fixed bucket so the ciphertext length reveals only the bucket. The padded form is
 * {@code content || 0x80 || 0x00 * k} (ISO/IEC 7816-4), whose length is the smallest bucket of at least
 * {@code content.length + 1} bytes. Buckets: 160, 320, 640, 1280, 2560, then every multiple of 4096 up to
 * {@value #MAX_PADDED_BYTES}. Removal scans back over zeros to the 0x80 marker: unambiguous for any content.
 */
public final class Padding {
    public static final int MAX_PADDED_BYTES = 65_536;
    private static final int[] SMALL_BUCKETS = {160, 320, 640, 1280, 2560};
    private static final int LARGE_STEP = 4096;
    private static final byte MARKER = (byte) 0x80;

    private Padding() {
    }

    /** The padded length for {@code contentLength} bytes of content. */
    public static int bucketFor(int contentLength) {
        int needed = contentLength + 1;
        if (contentLength < 0 || needed > MAX_PADDED_BYTES) {
            throw new IllegalArgumentException("payload too large to pad: at most " + (MAX_PADDED_BYTES - 1) + " bytes");
        }
        for (int bucket : SMALL_BUCKETS) {
            if (needed <= bucket) {
                return bucket;
            }
        }
        return (needed + LARGE_STEP - 1) / LARGE_STEP * LARGE_STEP;
    }

    public static byte[] pad(byte[] content) {
        byte[] padded = Arrays.copyOf(content, bucketFor(content.length));
        padded[content.length] = MARKER;
        return padded;
    }

    /** @throws InvalidMessageException if the input is not a bucket size or has no marker after its trailing zeros */
    public static byte[] unpad(byte[] padded) throws InvalidMessageException {
        if (!isBucket(padded.length)) {
            throw new InvalidMessageException("padded payload: length is not a bucket size");
        }
        int i = padded.length - 1;
        while (i >= 0 && padded[i] == 0) {
            i--;
        }
        if (i < 0 || padded[i] != MARKER) {
            throw new InvalidMessageException("padded payload: padding marker missing");
        }
        return Arrays.copyOf(padded, i);
    }

    static boolean isBucket(int length) {
        for (int bucket : SMALL_BUCKETS) {
            if (length == bucket) {
                return true;
            }
        }
        return length > 0 && length <= MAX_PADDED_BYTES && length % LARGE_STEP == 0;
    }
}
