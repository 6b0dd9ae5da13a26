package dev.parley.crypto.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.testing.DeterministicRandom;
import org.junit.jupiter.api.Test;

class SafetyNumberTest {
    private final CryptoProvider crypto = CryptoProviders.libsodium();
    private final DeterministicRandom random = new DeterministicRandom(5);
    private final IdentityKey alice = IdentityKeyPair.generate(crypto, random).publicKey();
    private final IdentityKey bob = IdentityKeyPair.generate(crypto, random).publicKey();

    @Test
    void sixtyDigitsIdenticalOnBothSides() {
        SafetyNumber fromAlice = SafetyNumber.compute(crypto, alice, "alice", bob, "bob");
        SafetyNumber fromBob = SafetyNumber.compute(crypto, bob, "bob", alice, "alice");
        assertThat(fromAlice.digits()).hasSize(60).containsOnlyDigits().isEqualTo(fromBob.digits());
        assertThat(fromAlice.qrPayload()).isEqualTo(fromBob.qrPayload()).hasSize(65);
        assertThat(fromAlice.displayString()).matches("(\\d{5} ){11}\\d{5}");
        assertThat(fromAlice).isEqualTo(fromBob);
    }

    @Test
    void aChangedIdentityKeyChangesTheNumberAndTheQrCheck() throws Exception {
        IdentityKey mallory = IdentityKeyPair.generate(crypto, random).publicKey();
        SafetyNumber genuine = SafetyNumber.compute(crypto, alice, "alice", bob, "bob");
        SafetyNumber swapped = SafetyNumber.compute(crypto, alice, "alice", mallory, "mallory");
        assertThat(swapped.digits()).isNotEqualTo(genuine.digits());
        assertThat(genuine.matchesScanned(SafetyNumber.compute(crypto, bob, "bob", alice, "alice").qrPayload())).isTrue();
        assertThat(genuine.matchesScanned(swapped.qrPayload())).isFalse();
    }

    @Test
    void badQrPayloadsAreTypedErrors() {
        SafetyNumber number = SafetyNumber.compute(crypto, alice, "alice", bob, "bob");
        byte[] qr = number.qrPayload();
        qr[0] = 9;
        assertThatThrownBy(() -> number.matchesScanned(qr)).isInstanceOf(UnsupportedVersionException.class);
        assertThatThrownBy(() -> number.matchesScanned(new byte[] {2, 2})).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> number.matchesScanned(new byte[0])).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void bothProvidersAgree() {
        assertThat(SafetyNumber.compute(CryptoProviders.bouncyCastle(), alice, "alice", bob, "bob").digits())
                .isEqualTo(SafetyNumber.compute(crypto, alice, "alice", bob, "bob").digits());
    }

    /** Issue #11 finding 10: the number binds each key to its username, as Signal's binds its identifier. */
    @Test
    void finding10TheSameKeysUnderAnotherUsernameGiveAnotherNumber() {
        SafetyNumber genuine = SafetyNumber.compute(crypto, alice, "alice", bob, "bob");
        assertThat(SafetyNumber.compute(crypto, alice, "alice", bob, "bob2").digits()).isNotEqualTo(genuine.digits());
        assertThat(SafetyNumber.compute(crypto, alice, "alicf", bob, "bob").digits()).isNotEqualTo(genuine.digits());
        assertThat(genuine.qrPayload()[0]).isEqualTo((byte) SafetyNumber.VERSION).isEqualTo((byte) 2);
        assertThatThrownBy(() -> SafetyNumber.compute(crypto, alice, "\u0430lice", bob, "bob"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
