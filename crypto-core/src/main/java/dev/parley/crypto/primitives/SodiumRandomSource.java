package dev.parley.crypto.primitives;

import com.goterl.lazysodium.Sodium;
import java.util.Objects;

/** Randomness from libsodium's {@code randombytes_buf} (the operating system's CSPRNG: getrandom, BCryptGenRandom). */
final class SodiumRandomSource implements RandomSource {
    private final Sodium sodium;

    SodiumRandomSource(Sodium sodium) {
        this.sodium = sodium;
    }

    @Override
    public void nextBytes(byte[] into) {
        Objects.requireNonNull(into, "into");
        if (into.length > 0) {
            sodium.randombytes_buf(into, into.length);
        }
    }
}
