package dev.parley.crypto.session;

import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.RandomSource;
import java.time.Clock;
import java.util.Objects;

/**
 * What every protocol operation needs besides its stores: the crypto provider, the randomness (every ephemeral and
 * ratchet key is {@code X25519.keyPairFrom(random 32 bytes)}, so tests can make a whole conversation
 * deterministic), the clock (skipped-key expiry, prekey timestamps) and the skipped-key limits.
 */
public record ProtocolContext(CryptoProvider crypto, RandomSource random, Clock clock, RatchetLimits limits) {
    public ProtocolContext {
        Objects.requireNonNull(crypto, "crypto");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(limits, "limits");
    }

    /** Production defaults: the provider's own randomness, the UTC system clock, {@link RatchetLimits#DEFAULT}. */
    public static ProtocolContext of(CryptoProvider crypto) {
        return new ProtocolContext(crypto, crypto.random(), Clock.systemUTC(), RatchetLimits.DEFAULT);
    }
}
