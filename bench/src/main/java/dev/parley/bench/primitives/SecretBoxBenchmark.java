package dev.parley.bench.primitives;

import com.goterl.lazysodium.SodiumJava;
import com.goterl.lazysodium.utils.LibraryLoader;
import dev.parley.crypto.primitives.AuthenticationFailedException;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.secret.SecretBytes;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * XSalsa20-Poly1305 secretbox seal and open through crypto-core's {@code SecretBox} (libsodium and BouncyCastle
 * providers) against a raw lazysodium {@code crypto_secretbox_easy} call, so the API's overhead (argument checks,
 * key copy and wipe, output allocation) is visible. Run:
 * {@code java -jar bench/target/parley-bench.jar SecretBoxBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SecretBoxBenchmark {
    private static final int MAC_BYTES = 16;

    @Param({"200", "1048576"})
    public int size;

    private CryptoProvider libsodium;
    private CryptoProvider bouncyCastle;
    private SodiumJava rawSodium;
    private SecretBytes key;
    private byte[] rawKey;
    private byte[] nonce;
    private byte[] plaintext;
    private byte[] sealed;

    @Setup(Level.Trial)
    public void setUp() {
        libsodium = CryptoProviders.libsodium();
        bouncyCastle = CryptoProviders.bouncyCastle();
        rawSodium = new SodiumJava(LibraryLoader.Mode.SYSTEM_ONLY);
        SecureRandom random = new SecureRandom();
        rawKey = new byte[32];
        nonce = new byte[24];
        plaintext = new byte[size];
        random.nextBytes(rawKey);
        random.nextBytes(nonce);
        random.nextBytes(plaintext);
        key = SecretBytes.copyOf(rawKey);
        sealed = libsodium.secretBox().seal(key, nonce, plaintext);
    }

    @Benchmark
    public byte[] sealLibsodium() {
        return libsodium.secretBox().seal(key, nonce, plaintext);
    }

    @Benchmark
    public byte[] openLibsodium() throws AuthenticationFailedException {
        return libsodium.secretBox().open(key, nonce, sealed);
    }

    @Benchmark
    public byte[] sealBouncyCastle() {
        return bouncyCastle.secretBox().seal(key, nonce, plaintext);
    }

    @Benchmark
    public byte[] openBouncyCastle() throws AuthenticationFailedException {
        return bouncyCastle.secretBox().open(key, nonce, sealed);
    }

    /** Baseline: what an application calling lazysodium directly pays (output allocation included). */
    @Benchmark
    public byte[] sealRawLazysodium() {
        byte[] out = new byte[plaintext.length + MAC_BYTES];
        if (rawSodium.crypto_secretbox_easy(out, plaintext, plaintext.length, nonce, rawKey) != 0) {
            throw new IllegalStateException("crypto_secretbox_easy failed");
        }
        return out;
    }

    /** Baseline: lazysodium's open, output allocation included. */
    @Benchmark
    public byte[] openRawLazysodium() {
        byte[] out = new byte[sealed.length - MAC_BYTES];
        if (rawSodium.crypto_secretbox_open_easy(out, sealed, sealed.length, nonce, rawKey) != 0) {
            throw new IllegalStateException("crypto_secretbox_open_easy failed");
        }
        return out;
    }
}
