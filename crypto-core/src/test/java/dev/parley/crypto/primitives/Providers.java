package dev.parley.crypto.primitives;

import java.util.stream.Stream;

/** Both providers, for {@code @MethodSource("dev.parley.crypto.primitives.Providers#both")}. */
final class Providers {
    private Providers() {
    }

    static Stream<CryptoProvider> both() {
        return Stream.of(CryptoProviders.libsodium(), CryptoProviders.bouncyCastle());
    }
}
