package dev.parley.crypto.primitives;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way to obtain a {@link CryptoProvider}.
 *
 * <pre>{@code
 * CryptoProvider crypto = CryptoProviders.preferred();   // libsodium if it loads, else BouncyCastle
 * byte[] boxed = crypto.secretBox().seal(key, nonce, plaintext);
 * }</pre>
 *
 * <p>Providers are stateless and thread-safe; the factory methods may be called as often as needed. The native
 * library is loaded at most once per JVM. When the bundled libsodium has to be extracted, it goes into the directory
 * named by the system property {@value #NATIVE_DIR_PROPERTY} (default {@code <java.io.tmpdir>/parley-native-<user>}),
 * which must belong to the current user and not be writable by others; the extracted file is removed again.
 */
public final class CryptoProviders {
    /** System property naming the directory the bundled libsodium is extracted into, if it has to be. */
    public static final String NATIVE_DIR_PROPERTY = "parley.native.dir";

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

    /**
     * libsodium when the native library loads. Logs once per JVM which provider is active and why.
     *
     * @throws ProviderUnavailableException if no provider can be loaded
     */
    public static CryptoProvider preferred() {
        LibsodiumProvider provider = new LibsodiumProvider(NativeSodium.get());
        if (PREFERRED_LOGGED.compareAndSet(false, true)) {
            LOG.info("Crypto provider: {} ({} native library loaded)", provider.name(), provider.origin());
        }
        return provider;
    }
}
