package dev.parley.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.SenderMismatchException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.session.CiphertextMessage;
import dev.parley.crypto.session.DecryptionCallback;
import dev.parley.crypto.testing.TestParty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SealedSenderTest {
    private TestParty alice;
    private TestParty bob;
    private TestParty mallory;

    @BeforeEach
    void handshake() throws Exception {
        alice = new TestParty("alice", CryptoProviders.libsodium(), 1);
        bob = new TestParty("bob", CryptoProviders.libsodium(), 2);
        mallory = new TestParty("mallory", CryptoProviders.libsodium(), 3);
        alice.initiate(bob, bob.publishBundle(1, true));
        bob.decrypt(alice, alice.encrypt(bob, "hello"));
        alice.decrypt(bob, bob.encrypt(alice, "hi"));
    }

    @Test
    void openTellsTheClaimedSenderBeforeSessionLookupAndTheSessionDecrypts() throws Exception {
        CiphertextMessage message = alice.encrypt(bob, "sealed");
        byte[] sealed = alice.seal(bob, message);
        assertThat(sealed[0]).isEqualTo(SealedSender.VERSION);

        OpenedEnvelope opened = bob.open(sealed);
        assertThat(opened.senderUsername()).isEqualTo(new Username("alice"));
        assertThat(opened.senderIdentity()).isEqualTo(alice.identity.publicKey());
        assertThat(opened.message()).isEqualTo(message);
        Payload payload = bob.cipherFor(alice).decrypt(opened.senderIdentity(), opened.message(), DecryptionCallback.NONE);
        assertThat(((Payload.Text) payload).text()).isEqualTo("sealed");
    }

    @Test
    void envelopeLengthDoesNotDependOnTheUsernameLength() throws Exception {
        CiphertextMessage message = alice.encrypt(bob, "x");
        byte[] a = new SealedSender(alice.crypto).seal(bob.identity.publicKey(), alice.identity, new Username("a"), message);
        byte[] b = new SealedSender(alice.crypto).seal(bob.identity.publicKey(), alice.identity,
                new Username("a".repeat(64)), message);
        assertThat(a).hasSameSizeAs(b);
    }

    @Test
    void everyTamperedByteIsRejectedAndTheSessionStillWorks() throws Exception {
        CiphertextMessage message = alice.encrypt(bob, "intact");
        byte[] sealed = alice.seal(bob, message);
        for (int i = 1; i < sealed.length; i += 7) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x20;
            assertThatThrownBy(() -> bob.open(tampered)).as("byte %d", i).isInstanceOf(InvalidMessageException.class);
        }
        byte[] truncated = java.util.Arrays.copyOf(sealed, sealed.length - 1);
        assertThatThrownBy(() -> bob.open(truncated)).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> bob.open(new byte[0])).isInstanceOf(InvalidMessageException.class);
        OpenedEnvelope opened = bob.open(sealed);
        assertThat(bob.decrypt(alice, opened.message())).isEqualTo("intact");
    }

    @Test
    void unknownVersionIsATypedError() throws Exception {
        byte[] sealed = alice.seal(bob, alice.encrypt(bob, "x"));
        sealed[0] = 2;
        assertThatThrownBy(() -> bob.open(sealed)).isInstanceOf(UnsupportedVersionException.class);
    }

    @Test
    void anEnvelopeForSomeoneElseDoesNotOpen() throws Exception {
        byte[] sealed = alice.seal(bob, alice.encrypt(bob, "x"));
        assertThatThrownBy(() -> mallory.open(sealed)).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void resealingSomeoneElsesRatchetMessageUnderAnotherIdentityIsRejectedBySessionDecrypt() throws Exception {
        CiphertextMessage alicesMessage = alice.encrypt(bob, "from alice");
        // Mallory (or a relay colluding with her) re-wraps Alice's ratchet message with her own valid MAC...
        byte[] resealed = mallory.seal(bob, alicesMessage);
        OpenedEnvelope opened = bob.open(resealed);
        assertThat(opened.senderUsername().value()).isEqualTo("mallory");
        // ...but Bob has no session with mallory, and Alice's session refuses a different sender identity.
        assertThatThrownBy(() -> bob.cipherFor(mallory).decrypt(opened.senderIdentity(), opened.message(),
                DecryptionCallback.NONE)).isInstanceOf(dev.parley.crypto.exceptions.NoSessionException.class);
        assertThatThrownBy(() -> bob.cipherFor(alice).decrypt(opened.senderIdentity(), opened.message(),
                DecryptionCallback.NONE)).isInstanceOf(SenderMismatchException.class);
        // Claiming Alice's username with Mallory's key fails the same way.
        byte[] impersonating = new SealedSender(mallory.crypto).seal(bob.identity.publicKey(), mallory.identity,
                new Username("alice"), alicesMessage);
        OpenedEnvelope claimed = bob.open(impersonating);
        assertThatThrownBy(() -> bob.cipherFor(alice).decrypt(claimed.senderIdentity(), claimed.message(),
                DecryptionCallback.NONE)).isInstanceOf(SenderMismatchException.class);
        assertThat(bob.decrypt(alice, alicesMessage)).isEqualTo("from alice");
    }

    @Test
    void aMacByAnotherKeyUnderAlicesIdentityDoesNotVerify() throws Exception {
        // Mallory builds the inner layout with Alice's identity key but can only compute her own MAC key.
        CiphertextMessage message = alice.encrypt(bob, "x");
        byte[] sealedByMallory = mallory.seal(bob, message);
        byte[] inner = bob.crypto.sealedBox().open(bob.identity.agreementKeyPair(),
                java.util.Arrays.copyOfRange(sealedByMallory, 1, sealedByMallory.length));
        System.arraycopy(alice.identity.publicKey().bytes(), 0, inner, 1, 32);
        byte[] forged = bob.crypto.sealedBox().seal(bob.identity.publicKey().x25519PublicKey(bob.crypto), inner);
        byte[] envelope = new byte[forged.length + 1];
        envelope[0] = SealedSender.VERSION;
        System.arraycopy(forged, 0, envelope, 1, forged.length);
        assertThatThrownBy(() -> bob.open(envelope)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("sender authentication failed");
    }
}
