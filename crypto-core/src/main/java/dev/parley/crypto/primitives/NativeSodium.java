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
 * <p>Loading order: the system libsodium ({@code libsodium.so.23}, {@code libsodium.dylib}, {@code libsodium.dll} on
 * the library path) first; otherwise the copy bundled in the lazysodium jar, extracted by
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
        try {
            SodiumJava system = new SodiumJava(LibraryLoader.Mode.SYSTEM_ONLY);
            return new NativeSodium(new LazySodiumJava(system), "system");
        } catch (RuntimeException | LinkageError systemFailure) {
            LOG.info("No system libsodium ({}); using the copy bundled with lazysodium", systemFailure.getMessage());
        }
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
        String configured = System.getProperty("parley.native.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String user = Objects.requireNonNullElse(System.getProperty("user.name"), "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "parley-native-" + user);
    }
}
