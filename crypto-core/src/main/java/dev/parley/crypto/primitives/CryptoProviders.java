package dev.parley.crypto.primitives;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way to obtain a {@link CryptoProvider}.
 *
 * <pre>{@code
 * CryptoProvider crypto = CryptoProviders.preferred();   // libsodium if it loads, else BouncyCastle
 * LOG.info("crypto: {}", crypto.name());                 // "libsodium" or "bouncycastle"
 * byte[] boxed = crypto.secretBox().seal(key, nonce, plaintext);
 * }</pre>
 *
 * <p>Providers are stateless and thread-safe; the factory methods may be called as often as needed. The native
 * library is loaded at most once per JVM, as {@value #NATIVE_MODE_PROPERTY} says. When the bundled libsodium has to be extracted, it goes into the directory
 * named by the system property {@value #NATIVE_DIR_PROPERTY} (default {@code <java.io.tmpdir>/parley-native-<user>}),
 * which must belong to the current user and not be writable by others; the extracted file is removed again.
 */
public final class CryptoProviders {
    /** System property naming the directory the bundled libsodium is extracted into, if it has to be. */
    public static final String NATIVE_DIR_PROPERTY = "parley.native.dir";

    /**
     * System property choosing which libsodium binary to load: {@code prefer-system} (default: the system library,
     * else the copy bundled with lazysodium), {@code system} or {@code bundled}.
     */
    public static final String NATIVE_MODE_PROPERTY = "parley.native.mode";

    private static final Logger LOG = LoggerFactory.getLogger(CryptoProviders.class);
    private static final AtomicBoolean PREFERRED_LOGGED = new AtomicBoolean();

    private CryptoProviders() {
    }

    /**
     * The native libsodium provider, using libsodium's {@code randombytes_buf} for randomness.
     *
     * @throws ProviderUnavailableException if libsodium cannot be loaded on this platform
     */
    public static CryptoProvider libsodium() {
        return new LibsodiumProvider(NativeSodium.get());
    }

    /**
     * The native libsodium provider drawing generated keys (key pairs, sealed-box ephemeral keys) from {@code random};
     * for deterministic tests.
     *
     * @throws ProviderUnavailableException if libsodium cannot be loaded on this platform
     */
    public static CryptoProvider libsodium(RandomSource random) {
        return new LibsodiumProvider(NativeSodium.get(), Objects.requireNonNull(random, "random"));
    }

    /** The pure-Java BouncyCastle provider, using a {@link java.security.SecureRandom} for randomness. */
    public static CryptoProvider bouncyCastle() {
        return new BouncyCastleProvider();
    }

    /** The pure-Java BouncyCastle provider drawing generated keys from {@code random}; for deterministic tests. */
    public static CryptoProvider bouncyCastle(RandomSource random) {
        return new BouncyCastleProvider(Objects.requireNonNull(random, "random"));
    }

    /**
     * libsodium when the native library loads, else BouncyCastle. Logs once per JVM which provider is active and why;
     * the provider's {@link CryptoProvider#name()} says which one the application got.
     */
    public static CryptoProvider preferred() {
        return preferred(NativeSodium::get);
    }

    /** {@link #preferred()} with the native loader as a seam, so the fallback path can be tested. */
    static CryptoProvider preferred(Supplier<NativeSodium> nativeLoader) {
        CryptoProvider provider;
        String reason;
        try {
            LibsodiumProvider sodium = new LibsodiumProvider(nativeLoader.get());
            provider = sodium;
            reason = sodium.origin() + " native library loaded";
        } catch (ProviderUnavailableException e) {
            provider = new BouncyCastleProvider();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            reason = "libsodium unavailable: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        if (PREFERRED_LOGGED.compareAndSet(false, true)) {
            LOG.info("Crypto provider: {} ({})", provider.name(), reason);
        }
        return provider;
    }
}
