package dev.parley.crypto.primitives;

import com.goterl.lazysodium.LazySodiumJava;
import com.goterl.lazysodium.SodiumJava;
import com.goterl.lazysodium.utils.LibraryLoader;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide libsodium binding. JNA registers native methods per class, so the library is loaded at most once
 * per JVM whatever the number of providers.
 *
 * <p>Loading order ({@code parley.native.mode}, default {@code prefer-system}): the system libsodium
 * ({@code libsodium.so.23}, {@code libsodium.dylib}, {@code libsodium.dll} on the library path) first; otherwise the
 * copy bundled in the lazysodium jar, extracted by
 * {@link BundledLibraryExtractor} into {@code parley.native.dir} (never lazysodium's own extraction into
 * {@code java.io.tmpdir}, which leaves a {@code resource-loader*} directory behind on every start).
 */
final class NativeSodium {
    private static final Logger LOG = LoggerFactory.getLogger(NativeSodium.class);

    private static volatile NativeSodium instance;
    private static volatile RuntimeException failure;

    private final LazySodiumJava lazySodium;
    private final String origin;

    private NativeSodium(LazySodiumJava lazySodium, String origin) {
        this.lazySodium = lazySodium;
        this.origin = origin;
    }

    /**
     * The loaded library.
     *
     * @throws ProviderUnavailableException if neither the system nor the bundled libsodium can be loaded
     */
    static NativeSodium get() {
        NativeSodium loaded = instance;
        if (loaded != null) {
            return loaded;
        }
        synchronized (NativeSodium.class) {
            if (instance == null && failure == null) {
                try {
                    instance = load();
                } catch (RuntimeException | LinkageError e) {
                    failure = new ProviderUnavailableException("libsodium could not be loaded", e);
                }
            }
            if (instance == null) {
                throw failure;
            }
            return instance;
        }
    }

    /** The raw native interface: byte arrays in and out, return codes unchecked. */
    SodiumJava sodium() {
        return lazySodium.getSodium();
    }

    LazySodiumJava lazySodium() {
        return lazySodium;
    }

    /** Where the library came from, for the log line and the About box: "system" or "bundled". */
    String origin() {
        return origin;
    }

    private static NativeSodium load() {
        String mode = System.getProperty(CryptoProviders.NATIVE_MODE_PROPERTY, "prefer-system");
        switch (mode) {
            case "system":
                return loadSystem();
            case "bundled":
                return loadBundled();
            case "prefer-system":
                try {
                    return loadSystem();
                } catch (RuntimeException | LinkageError systemFailure) {
                    LOG.info("No system libsodium ({}); using the copy bundled with lazysodium",
                            systemFailure.getMessage());
                    return loadBundled();
                }
            default:
                throw new IllegalArgumentException(CryptoProviders.NATIVE_MODE_PROPERTY
                        + " must be prefer-system, system or bundled, not " + mode);
        }
    }

    private static NativeSodium loadSystem() {
        SodiumJava system = new SodiumJava(LibraryLoader.Mode.SYSTEM_ONLY);
        return new NativeSodium(new LazySodiumJava(system), "system");
    }

    private static NativeSodium loadBundled() {
        BundledLibraryExtractor extractor = new BundledLibraryExtractor(nativeDirectory());
        Path library = extractor.extract(LibraryLoader.getSodiumPathInResources());
        try {
            SodiumJava bundled = new SodiumJava(library.toAbsolutePath().toString());
            return new NativeSodium(new LazySodiumJava(bundled), "bundled");
        } finally {
            extractor.releaseAfterLoad(library);
        }
    }

    /** {@code parley.native.dir} if set, else {@code <java.io.tmpdir>/parley-native-<user>}. */
    static Path nativeDirectory() {
        String configured = System.getProperty(CryptoProviders.NATIVE_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String user = Objects.requireNonNullElse(System.getProperty("user.name"), "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "parley-native-" + user);
    }
}
