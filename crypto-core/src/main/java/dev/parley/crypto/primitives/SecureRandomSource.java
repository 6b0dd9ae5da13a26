package dev.parley.crypto.primitives;

import java.security.SecureRandom;
import java.util.Objects;

/** Randomness from a {@link SecureRandom} (the JDK's default, non-blocking, OS-seeded generator unless given one). */
final class SecureRandomSource implements RandomSource {
    private final SecureRandom random;

    SecureRandomSource() {
        this(new SecureRandom());
    }

    SecureRandomSource(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public void nextBytes(byte[] into) {
        random.nextBytes(Objects.requireNonNull(into, "into"));
    }
}
