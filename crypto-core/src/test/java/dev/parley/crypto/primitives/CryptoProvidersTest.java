package dev.parley.crypto.primitives;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.parley.crypto.testing.DeterministicRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

class CryptoProvidersTest {
    @TempDir
    Path temp;

    @Test
    void providersReportTheirNames() {
        assertThat(CryptoProviders.libsodium().name()).isEqualTo("libsodium");
        assertThat(CryptoProviders.bouncyCastle().name()).isEqualTo("bouncycastle");
        assertThat(CryptoProviders.preferred().name()).isEqualTo("libsodium");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parley.crypto.primitives.Providers#both")
    void randomSourceFillsBuffers(CryptoProvider provider) {
        byte[] first = provider.random().bytes(32);
        byte[] second = provider.random().bytes(32);
        assertThat(first).isNotEqualTo(new byte[32]).isNotEqualTo(second);
        assertThat(provider.random().bytes(0)).isEmpty();
    }

    @Test
    void injectedRandomnessMakesKeyGenerationReproducible() {
        byte[] fromSodium = CryptoProviders.libsodium(new DeterministicRandom(7)).ed25519().generateKeyPair().publicKey();
        byte[] fromBc = CryptoProviders.bouncyCastle(new DeterministicRandom(7)).ed25519().generateKeyPair().publicKey();
        assertThat(fromBc).isEqualTo(fromSodium);
    }

    @Test
    void preferredFallsBackToBouncyCastleWhenLibsodiumDoesNotLoad() throws Exception {
        CryptoProvider provider = CryptoProviders.preferred(() -> {
            throw new ProviderUnavailableException("libsodium could not be loaded", new UnsatisfiedLinkError("test"));
        });

        assertThat(provider.name()).isEqualTo("bouncycastle");
        X25519KeyPair pair = provider.x25519().generateKeyPair();
        byte[] sealed = provider.sealedBox().seal(pair.publicKey(), new byte[] {42});
        assertThat(provider.sealedBox().open(pair, sealed)).containsExactly(42);
    }

    /**
     * In a child JVM told to use the bundled libsodium, the bundled copy is extracted into
     * {@code parley.native.dir}, loaded, works, and is gone again afterwards.
     */
    @Test
    void bundledLibraryLoadsFromTheChosenDirectoryAndIsCleanedUp() throws Exception {
        Path nativeDir = temp.resolve("native");
        Path output = temp.resolve("probe.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java,
                "-cp", System.getProperty("java.class.path"),
                "-D" + CryptoProviders.NATIVE_MODE_PROPERTY + "=bundled",
                "-D" + CryptoProviders.NATIVE_DIR_PROPERTY + "=" + nativeDir,
                "-Djava.io.tmpdir=" + temp.resolve("tmp"),
                BundledLoadProbe.class.getName(), output.toString()))
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("probe.log").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(log()).isZero();
        assertThat(Files.readString(output, StandardCharsets.UTF_8)).isEqualTo("libsodium bundled ok");
        assertThat(nativeDir).isEmptyDirectory();
    }

    private String log() {
        try {
            return Files.readString(temp.resolve("probe.log"));
        } catch (IOException e) {
            return "no log: " + e;
        }
    }
}
