package dev.parley.relay.store;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Bloom filter over (recipient key, client message id) pairs the blob store remembers: "no" is certain, "maybe"
 * needs a database read. Lets the relay answer "is this id new?" for almost every send without touching H2. Ids are
 * only ever added; the store rebuilds the filter from the table once enough were added since the last build, so
 * expired ids stop costing reads. Thread-safe.
 */
final class KnownIdFilter {
    private static final int HASHES = 3;
    private final AtomicLongArray bits;
    private final long mask;

    /** @param log2Bits the filter holds {@code 2^log2Bits} bits */
    KnownIdFilter(int log2Bits) {
        this.bits = new AtomicLongArray(1 << (log2Bits - 6));
        this.mask = (1L << log2Bits) - 1;
    }

    void add(byte[] recipientKey, byte[] clientMessageId) {
        long h1 = hash(recipientKey, clientMessageId, 0x9E3779B97F4A7C15L);
        long h2 = hash(recipientKey, clientMessageId, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            int word = (int) (bit >>> 6);
            long m = 1L << (bit & 63);
            if ((bits.get(word) & m) == 0) {
                bits.getAndUpdate(word, w -> w | m);
            }
        }
    }

    boolean mightContain(byte[] recipientKey, byte[] clientMessageId) {
        long h1 = hash(recipientKey, clientMessageId, 0x9E3779B97F4A7C15L);
        long h2 = hash(recipientKey, clientMessageId, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            if ((bits.get((int) (bit >>> 6)) & (1L << (bit & 63))) == 0) {
                return false;
            }
        }
        return true;
    }

    private static long hash(byte[] a, byte[] b, long seed) {
        long h = seed;
        for (byte x : a) {
            h = (h ^ (x & 0xFF)) * 0x100000001B3L;
        }
        for (byte x : b) {
            h = (h ^ (x & 0xFF)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }
}
