package dev.parley.crypto.primitives;

/** Cryptographically secure randomness. Injected everywhere so tests can make it deterministic. */
public interface RandomSource {
    void nextBytes(byte[] into);

    default byte[] bytes(int count) {
        byte[] out = new byte[count];
        nextBytes(out);
        return out;
    }
}
