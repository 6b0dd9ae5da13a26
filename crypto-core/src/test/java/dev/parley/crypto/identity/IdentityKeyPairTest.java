package dev.parley.crypto.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.testing.DeterministicRandom;
import org.junit.jupiter.api.Test;

class IdentityKeyPairTest {
    private final CryptoProvider crypto = CryptoProviders.libsodium();

    @Test
    void serializesAndRestoresTheSameIdentity() throws Exception {
        IdentityKeyPair identity = IdentityKeyPair.generate(crypto, new DeterministicRandom(1));
        byte[] bytes = identity.serialize();
        assertThat(bytes).hasSize(33).startsWith(IdentityKeyPair.FORMAT_VERSION);
        IdentityKeyPair restored = IdentityKeyPair.deserialize(CryptoProviders.bouncyCastle(), bytes);
        assertThat(restored.publicKey()).isEqualTo(identity.publicKey());
        assertThat(restored.agreementKeyPair().publicKey()).isEqualTo(identity.agreementKeyPair().publicKey());
        assertThat(identity.toString()).doesNotContain("seed");
    }

    @Test
    void badInputIsTyped() {
        assertThatThrownBy(() -> IdentityKeyPair.deserialize(crypto, new byte[0])).isInstanceOf(CorruptStateException.class);
        assertThatThrownBy(() -> IdentityKeyPair.deserialize(crypto, new byte[] {2})).isInstanceOf(UnsupportedVersionException.class);
        assertThatThrownBy(() -> IdentityKeyPair.deserialize(crypto, new byte[] {1, 2})).isInstanceOf(CorruptStateException.class);
    }

    @Test
    void usernamesAreValidated() {
        assertThat(new Username("ä".repeat(64)).utf8()).hasSize(128);
        assertThat(new Username("😀".repeat(64)).utf8()).hasSize(Username.MAX_UTF8_BYTES);
        assertThatThrownBy(() -> new Username("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Username("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Username("a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Username("alice").toString()).doesNotContain("alice");
    }
}
