package dev.parley.crypto.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.DuplicateMessageException;
import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.InvalidSignedPreKeyException;
import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.primitives.MlKem1024;
import dev.parley.crypto.testing.TestParty;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Alice/Bob tests of the post-quantum part of the handshake (PQXDH): KEM prekeys, the KEM ciphertext, replays. */
class PqxdhHandshakeTest {
    private static final int KEM_ID_OFFSET = 75;
    private static final int KEM_CIPHERTEXT_OFFSET = 79;

    private final TestParty alice = new TestParty("alice", CryptoProviders.libsodium(), 1);
    private final TestParty bob = new TestParty("bob", CryptoProviders.libsodium(), 2);
    private final TestParty carol = new TestParty("carol", CryptoProviders.bouncyCastle(), 3);

    @ParameterizedTest(name = "one-time EC prekey: {0}")
    @ValueSource(booleans = {true, false})
    void oneTimeKemPreKeyIsUsedOnceAndDeletedByTheResponder(boolean withOneTimePreKey) throws Exception {
        PreKeyBundle bundle = bob.publishBundle(1, withOneTimePreKey);
        int kemId = bundle.kemPreKey().id();
        alice.initiate(bob, bundle);
        PreKeyRatchetMessage first = (PreKeyRatchetMessage) alice.encrypt(bob, "hello bob");
        assertThat(first.kemPreKeyId()).isEqualTo(kemId);
        assertThat(first.kemCiphertext()).hasSize(MlKem1024.CIPHERTEXT_BYTES);

        assertThat(bob.decrypt(alice, first)).isEqualTo("hello bob");
        assertThat(bob.stores.kemPreKeys().containsKemPreKey(kemId)).isFalse();
        assertThat(alice.decrypt(bob, bob.encrypt(alice, "hi alice"))).isEqualTo("hi alice");
    }

    @Test
    void lastResortKemPreKeyServesSeveralInitiatorsAndIsKept() throws Exception {
        PreKeyBundle lastResortOnly = bob.publishBundle(1, false, true);
        alice.initiate(bob, lastResortOnly);
        carol.initiate(bob, lastResortOnly);
        PreKeyRatchetMessage fromAlice = (PreKeyRatchetMessage) alice.encrypt(bob, "from alice");
        PreKeyRatchetMessage fromCarol = (PreKeyRatchetMessage) carol.encrypt(bob, "from carol");
        assertThat(fromAlice.kemPreKeyId()).isEqualTo(TestParty.LAST_RESORT_KEM_ID);
        assertThat(fromCarol.kemPreKeyId()).isEqualTo(TestParty.LAST_RESORT_KEM_ID);
        assertThat(fromAlice.kemCiphertext()).isNotEqualTo(fromCarol.kemCiphertext());

        assertThat(bob.decrypt(alice, fromAlice)).isEqualTo("from alice");
        assertThat(bob.decrypt(carol, fromCarol)).isEqualTo("from carol");
        assertThat(bob.stores.kemPreKeys().containsKemPreKey(TestParty.LAST_RESORT_KEM_ID)).isTrue();
        assertThat(carol.decrypt(bob, bob.encrypt(carol, "to carol"))).isEqualTo("to carol");
    }

    @Test
    void tamperedKemCiphertextFailsAndChangesNothing() throws Exception {
        PreKeyBundle bundle = bob.publishBundle(1, true);
        alice.initiate(bob, bundle);
        byte[] bytes = alice.encrypt(bob, "hello").serialize();
        bytes[KEM_CIPHERTEXT_OFFSET + 700] ^= 0x01;
        CiphertextMessage tampered = CiphertextMessage.deserialize(bytes);

        assertThatThrownBy(() -> bob.decrypt(alice, tampered)).isInstanceOf(InvalidMessageException.class);
        assertThat(bob.stores.sessions().containsSession(alice.name)).isFalse();
        assertThat(bob.stores.kemPreKeys().containsKemPreKey(bundle.kemPreKey().id())).isTrue();
        assertThat(bob.stores.preKeys().containsPreKey(bundle.oneTimePreKey().orElseThrow().id())).isTrue();
        assertThat(bob.decrypt(alice, alice.encrypt(bob, "intact"))).isEqualTo("intact");
    }

    @Test
    void kemPreKeyIdOfAnotherKeyFailsAndAnUnknownIdIsATypedError() throws Exception {
        PreKeyBundle other = bob.publishBundle(2, false, true);
        PreKeyBundle bundle = bob.publishBundle(1, false);
        alice.initiate(bob, bundle);
        byte[] bytes = alice.encrypt(bob, "hello").serialize();

        ByteBuffer.wrap(bytes).putInt(KEM_ID_OFFSET, other.kemPreKey().id());
        CiphertextMessage wrongKey = CiphertextMessage.deserialize(bytes);
        assertThatThrownBy(() -> bob.decrypt(alice, wrongKey)).isInstanceOf(InvalidMessageException.class);

        ByteBuffer.wrap(bytes).putInt(KEM_ID_OFFSET, 777_777);
        CiphertextMessage unknown = CiphertextMessage.deserialize(bytes);
        assertThatThrownBy(() -> bob.decrypt(alice, unknown)).isInstanceOf(InvalidKeyIdException.class);
        assertThat(bob.stores.sessions().containsSession(alice.name)).isFalse();
    }

    @Test
    void theKemSharedSecretIsPartOfTheRootKey() throws Exception {
        PreKeyBundle bundle = bob.publishBundle(1, true);
        alice.initiate(bob, bundle);
        CiphertextMessage first = alice.encrypt(bob, "hello");
        // Same id and the same message bytes (so the same associated data), but another ML-KEM private key: the
        // decapsulated secret differs, and only the root key can carry that difference to the AEAD.
        int id = bundle.kemPreKey().id();
        KemPreKeyRecord impostor = new PreKeyGenerator(bob.context).generateKemPreKey(bob.identity, id, false);
        bob.stores.kemPreKeys().storeKemPreKey(impostor);
        assertThatThrownBy(() -> bob.decrypt(alice, first)).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void replayedFirstMessageIsADuplicateAndAfterTheSessionIsGoneItsKemPreKeyIsGone() throws Exception {
        alice.initiate(bob, bob.publishBundle(1, false));
        CiphertextMessage first = alice.encrypt(bob, "once");
        assertThat(bob.decrypt(alice, first)).isEqualTo("once");
        assertThatThrownBy(() -> bob.decrypt(alice, first)).isInstanceOf(DuplicateMessageException.class);

        bob.stores.sessions().deleteSession(alice.name);
        // No one-time EC prekey was used; the one-time KEM prekey alone stops the replay from starting a session.
        assertThatThrownBy(() -> bob.decrypt(alice, first)).isInstanceOf(InvalidKeyIdException.class);
        assertThat(bob.stores.sessions().containsSession(alice.name)).isFalse();
    }

    @Test
    void forgedKemPreKeySignatureAbortsTheHandshake() throws Exception {
        PreKeyBundle bundle = bob.publishBundle(1, true);
        byte[] forged = bundle.kemPreKey().signature();
        forged[3] ^= 0x01;
        PreKeyBundle tampered = new PreKeyBundle(bundle.identityKey(), bundle.signedPreKey(), bundle.oneTimePreKey(),
                new KemPreKeyPublic(bundle.kemPreKey().id(), bundle.kemPreKey().publicKey(), forged));
        assertThatThrownBy(() -> alice.initiate(bob, tampered)).isInstanceOf(InvalidSignedPreKeyException.class);
        assertThat(alice.stores.sessions().containsSession(bob.name)).isFalse();
    }

    @Test
    void kemPreKeySignedByAnotherIdentityIsRejected() throws Exception {
        PreKeyBundle bundle = bob.publishBundle(1, true);
        PreKeyBundle swapped = new PreKeyBundle(bundle.identityKey(), bundle.signedPreKey(), bundle.oneTimePreKey(),
                carol.publishBundle(1, false).kemPreKey());
        assertThatThrownBy(() -> alice.initiate(bob, swapped)).isInstanceOf(InvalidSignedPreKeyException.class);
    }

    @Test
    void pendingKemCiphertextSurvivesTheSessionRecordRoundTrip() throws Exception {
        alice.initiate(bob, bob.publishBundle(1, true));
        PreKeyRatchetMessage m1 = (PreKeyRatchetMessage) alice.encrypt(bob, "one");
        SessionRecord record = alice.stores.sessions().loadSession(bob.name).orElseThrow();
        alice.stores.sessions().storeSession(bob.name, SessionRecord.deserialize(record.serialize()));
        PreKeyRatchetMessage m2 = (PreKeyRatchetMessage) alice.encrypt(bob, "two");
        assertThat(m2.kemCiphertext()).isEqualTo(m1.kemCiphertext());
        assertThat(m2.kemPreKeyId()).isEqualTo(m1.kemPreKeyId());
        assertThat(bob.decrypt(alice, m2)).isEqualTo("two");
        assertThat(bob.decrypt(alice, m1)).isEqualTo("one");
    }
}
