package dev.parley.crypto.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.DuplicateMessageException;
import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.exceptions.InvalidSignedPreKeyException;
import dev.parley.crypto.exceptions.UntrustedIdentityException;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.testing.TestParty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandshakeTest {
    private final TestParty alice = new TestParty("alice", CryptoProviders.libsodium(), 1);
    private final TestParty bob = new TestParty("bob", CryptoProviders.libsodium(), 2);

    @ParameterizedTest(name = "one-time prekey: {0}")
    @ValueSource(booleans = {true, false})
    void bothSidesDeriveTheSameKeys(boolean withOneTimePreKey) throws Exception {
        alice.initiate(bob, bob.publishBundle(1, withOneTimePreKey));
        CiphertextMessage first = alice.encrypt(bob, "hello bob");
        assertThat(first).isInstanceOf(PreKeyRatchetMessage.class);
        assertThat(((PreKeyRatchetMessage) first).oneTimePreKeyId().isPresent()).isEqualTo(withOneTimePreKey);

        assertThat(bob.decrypt(alice, first)).isEqualTo("hello bob");
        SessionState aliceState = alice.stores.sessions().loadSession(bob.name).orElseThrow().current();
        SessionState bobState = bob.stores.sessions().loadSession(alice.name).orElseThrow().current();
        // Bob's receiving chain is Alice's sending chain, one step on both sides.
        assertThat(bobState.receivingChain.bytes()).isEqualTo(aliceState.sendingChain.bytes());
        assertThat(bobState.receivingChain.index()).isEqualTo(aliceState.sendingChain.index());
        assertThat(bobState.baseKey).isEqualTo(aliceState.baseKey);

        CiphertextMessage reply = bob.encrypt(alice, "hi alice");
        assertThat(reply).isInstanceOf(RatchetMessage.class);
        assertThat(alice.decrypt(bob, reply)).isEqualTo("hi alice");
        assertThat(alice.stores.sessions().loadSession(bob.name).orElseThrow().awaitingFirstReply()).isFalse();
        assertThat(alice.encrypt(bob, "acknowledged")).isInstanceOf(RatchetMessage.class);
        assertThat(bob.stores.preKeys().containsPreKey(100)).isFalse();
    }

    @Test
    void messagesBeforeTheFirstReplyAreAllPreKeyMessagesAndDecryptInAnyOrder() throws Exception {
        alice.initiate(bob, bob.publishBundle(1, true));
        CiphertextMessage m1 = alice.encrypt(bob, "one");
        CiphertextMessage m2 = alice.encrypt(bob, "two");
        CiphertextMessage m3 = alice.encrypt(bob, "three");
        assertThat(m2).isInstanceOf(PreKeyRatchetMessage.class);
        assertThat(bob.decrypt(alice, m3)).isEqualTo("three");
        assertThat(bob.decrypt(alice, m1)).isEqualTo("one");
        assertThat(bob.decrypt(alice, m2)).isEqualTo("two");
    }

    @Test
    void thePreKeyFieldsOfLaterPreKeyMessagesAreAuthenticatedToo() throws Exception {
        alice.initiate(bob, bob.publishBundle(1, true));
        bob.decrypt(alice, alice.encrypt(bob, "first"));
        PreKeyRatchetMessage second = (PreKeyRatchetMessage) alice.encrypt(bob, "second");
        byte[] bytes = second.serialize();
        for (int position : new int[] {69, 74}) {
            byte[] tampered = bytes.clone();
            tampered[position] ^= 0x01;
            assertThatThrownBy(() -> bob.decrypt(alice, CiphertextMessage.deserialize(tampered)))
                    .isInstanceOf(dev.parley.crypto.exceptions.InvalidMessageException.class);
        }
        assertThatThrownBy(() -> bob.decrypt(alice, second.message()))
                .isInstanceOf(dev.parley.crypto.exceptions.InvalidMessageException.class);
        assertThat(bob.decrypt(alice, second)).isEqualTo("second");
    }

    @Test
    void replayedFirstMessageIsADuplicate() throws Exception {
        alice.initiate(bob, bob.publishBundle(1, true));
        CiphertextMessage first = alice.encrypt(bob, "hello");
        bob.decrypt(alice, first);
        assertThatThrownBy(() -> bob.decrypt(alice, first)).isInstanceOf(DuplicateMessageException.class);
    }

    @Test
    void replayedFirstMessageFailsOnceTheOneTimePreKeyIsGoneEvenWithoutTheSession() throws Exception {
        alice.initiate(bob, bob.publishBundle(1, true));
        CiphertextMessage first = alice.encrypt(bob, "hello");
        bob.decrypt(alice, first);
        bob.stores.sessions().deleteSession(alice.name);
        assertThatThrownBy(() -> bob.decrypt(alice, first)).isInstanceOf(InvalidKeyIdException.class);
        assertThat(bob.stores.sessions().containsSession(alice.name)).isFalse();
    }

    @Test
    void aOneTimePreKeyHandedOutTwiceStartsOnlyOneSession() throws Exception {
        PreKeyBundle bundle = bob.publishBundle(1, true);
        TestParty carol = new TestParty("carol", CryptoProviders.libsodium(), 3);
        alice.initiate(bob, bundle);
        carol.initiate(bob, bundle);
        bob.decrypt(alice, alice.encrypt(bob, "from alice"));
        CiphertextMessage fromCarol = carol.encrypt(bob, "from carol");
        assertThatThrownBy(() -> bob.decrypt(carol, fromCarol)).isInstanceOf(InvalidKeyIdException.class);
        assertThat(bob.stores.sessions().containsSession(carol.name)).isFalse();
    }

    @Test
    void forgedSignedPreKeySignatureAbortsTheHandshake() throws Exception {
        PreKeyBundle bundle = bob.publishBundle(1, true);
        byte[] forged = bundle.signedPreKey().signature();
        forged[5] ^= 0x01;
        PreKeyBundle tampered = new PreKeyBundle(bundle.identityKey(),
                new SignedPreKeyPublic(1, bundle.signedPreKey().publicKey(), forged), bundle.oneTimePreKey(),
                bundle.kemPreKey());
        assertThatThrownBy(() -> alice.initiate(bob, tampered)).isInstanceOf(InvalidSignedPreKeyException.class);
        assertThat(alice.stores.sessions().containsSession(bob.name)).isFalse();
        assertThat(alice.stores.identities().getIdentity(bob.name)).isEmpty();
    }

    @Test
    void signedPreKeySignedByAnotherIdentityIsRejected() throws Exception {
        TestParty mallory = new TestParty("mallory", CryptoProviders.libsodium(), 4);
        PreKeyBundle mallorys = mallory.publishBundle(1, false);
        PreKeyBundle swapped = new PreKeyBundle(bob.identity.publicKey().bytes(), mallorys.signedPreKey(),
                mallorys.oneTimePreKey(), bob.publishBundle(2, false).kemPreKey());
        assertThatThrownBy(() -> alice.initiate(bob, swapped)).isInstanceOf(InvalidSignedPreKeyException.class);
    }

    @Test
    void unknownSignedPreKeyIdIsATypedError() throws Exception {
        alice.initiate(bob, bob.publishBundle(1, false));
        CiphertextMessage first = alice.encrypt(bob, "hello");
        bob.stores.signedPreKeys().removeSignedPreKey(1);
        assertThatThrownBy(() -> bob.decrypt(alice, first)).isInstanceOf(InvalidKeyIdException.class);
    }

    @Test
    void changedPeerIdentityIsUntrustedUntilSaved() throws Exception {
        alice.initiate(bob, bob.publishBundle(1, false));
        TestParty newBob = new TestParty("bob", CryptoProviders.libsodium(), 22);
        PreKeyBundle newBundle = newBob.publishBundle(1, false);
        assertThatThrownBy(() -> alice.initiate(newBob, newBundle)).isInstanceOf(UntrustedIdentityException.class);
        assertThat(alice.stores.identities().saveIdentity(bob.name, newBob.identity.publicKey()))
                .isEqualTo(dev.parley.crypto.identity.IdentityChange.REPLACED);
        alice.initiate(newBob, newBundle);
        assertThat(newBob.decrypt(alice, alice.encrypt(newBob, "hi"))).isEqualTo("hi");
    }
}
