package dev.parley.crypto.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.primitives.X25519KeyPair;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretBytesTest {
    private static final byte[] CONTENT = HexFormat.of().parseHex("deadbeefcafebabe0123456789abcdef");

    @Test
    void destroyedSecretsThrowOnEveryUse() {
        SecretBytes secret = SecretBytes.copyOf(CONTENT);
        SecretBytes other = SecretBytes.copyOf(CONTENT);
        secret.destroy();

        assertThat(secret.isDestroyed()).isTrue();
        assertThatThrownBy(secret::bytes).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(secret::copy).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secret.contentEquals(other)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> other.contentEquals(secret)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeDestroysAndWrapTakesOwnership() {
        byte[] owned = CONTENT.clone();
        try (SecretBytes secret = SecretBytes.wrap(owned)) {
            assertThat(secret.bytes()).isEqualTo(CONTENT);
        }
        assertThat(owned).containsOnly(0);
    }

    @Test
    void copiesAreIndependent() {
        byte[] source = CONTENT.clone();
        SecretBytes secret = SecretBytes.copyOf(source);
        source[0] = 0;
        byte[] handedOut = secret.bytes();
        handedOut[1] = 0;
        SecretBytes copy = secret.copy();
        secret.destroy();

        assertThat(copy.bytes()).isEqualTo(CONTENT);
        assertThat(copy.isDestroyed()).isFalse();
    }

    @Test
    void contentEqualsComparesContent() {
        assertThat(SecretBytes.copyOf(CONTENT).contentEquals(SecretBytes.copyOf(CONTENT))).isTrue();
        byte[] different = CONTENT.clone();
        different[15] ^= 1;
        assertThat(SecretBytes.copyOf(CONTENT).contentEquals(SecretBytes.copyOf(different))).isFalse();
    }

    @Test
    void toStringNeverShowsContent() {
        SecretBytes secret = SecretBytes.copyOf(CONTENT);
        assertThat(secret.toString()).doesNotContainIgnoringCase("dead").doesNotContainIgnoringCase("beef")
                .contains("16 bytes");
        secret.destroy();
        assertThat(secret.toString()).contains("destroyed");

        X25519KeyPair x = CryptoProviders.bouncyCastle().x25519().keyPairFrom(SecretBytes.copyOf(new byte[32]));
        Ed25519KeyPair ed = CryptoProviders.bouncyCastle().ed25519().keyPairFromSeed(SecretBytes.copyOf(new byte[32]));
        assertThat(x.toString()).doesNotContain(HexFormat.of().formatHex(x.publicKey()).substring(0, 8)).contains("hidden");
        assertThat(ed.toString()).contains("hidden");
    }

    @Test
    void keyPairsDestroyTheirSecrets() {
        Ed25519KeyPair ed = CryptoProviders.bouncyCastle().ed25519().generateKeyPair();
        ed.close();
        assertThat(ed.isDestroyed()).isTrue();
        assertThatThrownBy(() -> ed.seed().bytes()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CryptoProviders.bouncyCastle().ed25519().sign(ed, new byte[1]))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wipeAcceptsNull() {
        SecretBytes.wipe(null);
        byte[] bytes = CONTENT.clone();
        SecretBytes.wipe(bytes);
        assertThat(bytes).containsOnly(0);
    }
}
