package dev.parley.crypto.testing;

import dev.parley.crypto.primitives.RandomSource;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Neither secure nor random: a reproducible {@link RandomSource} for tests. Output block i is
 * SHA-256(seed || i), so two instances with the same seed produce the same stream.
 */
public final class DeterministicRandom implements RandomSource {
    private final long seed;
    private long counter;
    private byte[] block = new byte[0];
    private int offset;

    public DeterministicRandom(long seed) {
        this.seed = seed;
    }

    @Override
    public synchronized void nextBytes(byte[] into) {
        for (int i = 0; i < into.length; i++) {
            if (offset == block.length) {
                block = nextBlock();
                offset = 0;
            }
            into[i] = block[offset++];
        }
    }

    private byte[] nextBlock() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return sha.digest(ByteBuffer.allocate(16).putLong(seed).putLong(counter++).array());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
