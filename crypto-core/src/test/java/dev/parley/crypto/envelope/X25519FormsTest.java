package dev.parley.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.primitives.InvalidPublicKeyException;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import org.junit.jupiter.api.Test;

/**
 * The remembered X25519 forms that multi-recipient sealing uses (issue #15 benchmark): always the provider's own
 * conversion, never for a key that does not convert, and bounded.
 */
class X25519FormsTest {
    private static final CryptoProvider CRYPTO = CryptoProviders.preferred();

    @Test
    void aRememberedFormIsTheConversionOfThoseExactBytes() throws Exception {
        X25519Forms forms = new X25519Forms();
        IdentityKey alice = IdentityKeyPair.generate(CRYPTO, CRYPTO.random()).publicKey();
        IdentityKey bob = IdentityKeyPair.generate(CRYPTO, CRYPTO.random()).publicKey();
        byte[] expected = CRYPTO.ed25519().toX25519PublicKey(alice.bytes());

        assertThat(forms.of(alice, CRYPTO)).isEqualTo(expected);
        byte[] again = forms.of(new IdentityKey(alice.bytes()), CRYPTO);
        assertThat(again).as("from memory, for another object with the same bytes").isEqualTo(expected);
        again[0] ^= 1;
        assertThat(forms.of(alice, CRYPTO)).as("a caller changing its copy changes nothing").isEqualTo(expected);
        assertThat(forms.of(bob, CRYPTO)).isEqualTo(CRYPTO.ed25519().toX25519PublicKey(bob.bytes()));
        assertThat(forms.size()).isEqualTo(2);
    }

    @Test
    void aKeyThatDoesNotConvertThrowsEveryTimeAndIsNotRemembered() {
        X25519Forms forms = new X25519Forms();
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 1;   // y = 1: the neutral element, of small order
        IdentityKey bad = new IdentityKey(notAPoint);
        assertThatThrownBy(() -> forms.of(bad, CRYPTO)).isInstanceOf(InvalidPublicKeyException.class);
        assertThatThrownBy(() -> forms.of(bad, CRYPTO)).isInstanceOf(InvalidPublicKeyException.class);
        assertThat(forms.size()).isZero();
    }

    @Test
    void itNeverHoldsMoreThanItsBound() throws Exception {
        X25519Forms forms = new X25519Forms();
        for (int i = 0; i <= X25519Forms.MAX_ENTRIES; i++) {
            forms.of(IdentityKeyPair.generate(CRYPTO, CRYPTO.random()).publicKey(), CRYPTO);
        }
        assertThat(forms.size()).isBetween(1, X25519Forms.MAX_ENTRIES);
    }
}
