package dev.parley.crypto.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.testing.TestParty;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SerializationTest {
    private final TestParty alice = new TestParty("alice", CryptoProviders.libsodium(), 1);
    private final TestParty bob = new TestParty("bob", CryptoProviders.libsodium(), 2);

    private SessionRecord conversation() throws Exception {
        alice.initiate(bob, bob.publishBundle(1, true));
        CiphertextMessage skipped = alice.encrypt(bob, "skipped");
        bob.decrypt(alice, alice.encrypt(bob, "delivered"));
        alice.decrypt(bob, bob.encrypt(alice, "reply"));
        assertThat(skipped).isNotNull();
        return bob.stores.sessions().loadSession(alice.name).orElseThrow();
    }

    @Test
    void recordRoundTripsExactlyIncludingSkippedKeysAndArchivedStates() throws Exception {
        SessionRecord record = conversation();
        alice.initiate(bob, bob.publishBundle(2, false));
        bob.decrypt(alice, alice.encrypt(bob, "second session"));
        SessionRecord twoStates = bob.stores.sessions().loadSession(alice.name).orElseThrow();
        assertThat(twoStates.previous()).hasSize(1);
        for (SessionRecord r : new SessionRecord[] {record, twoStates, new SessionRecord()}) {
            byte[] bytes = r.serialize();
            assertThat(bytes[0]).isEqualTo(SessionRecord.FORMAT_VERSION);
            assertThat(SessionRecord.deserialize(bytes).serialize()).isEqualTo(bytes);
        }
        assertThat(record.current().skipped).hasSize(1);
        assertThat(record.toString()).doesNotContainIgnoringCase("key=");
    }

    @Test
    void everyTruncationOrTrailingByteIsATypedError() throws Exception {
        byte[] bytes = conversation().serialize();
        for (int length = 0; length < bytes.length; length += 3) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> SessionRecord.deserialize(truncated)).isInstanceOf(CorruptStateException.class);
        }
        byte[] trailing = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> SessionRecord.deserialize(trailing)).isInstanceOf(CorruptStateException.class);
        byte[] badFlag = bytes.clone();
        badFlag[1] = 7;
        assertThatThrownBy(() -> SessionRecord.deserialize(badFlag)).isInstanceOf(CorruptStateException.class);
    }

    @Test
    void unknownRecordVersionIsATypedError() throws Exception {
        byte[] bytes = conversation().serialize();
        bytes[0] = 9;
        assertThatThrownBy(() -> SessionRecord.deserialize(bytes)).isInstanceOf(UnsupportedVersionException.class);
    }

    @Test
    void preKeyRecordsRoundTripAndRejectBadInput() throws Exception {
        PreKeyGenerator generator = new PreKeyGenerator(bob.context);
        SignedPreKeyRecord signed = generator.generateSignedPreKey(bob.identity, 9);
        OneTimePreKeyRecord oneTime = generator.generateOneTimePreKeys(5, 1).get(0);
        assertThat(SignedPreKeyRecord.deserialize(signed.serialize())).isEqualTo(signed);
        assertThat(OneTimePreKeyRecord.deserialize(oneTime.serialize())).isEqualTo(oneTime);
        assertThat(signed.createdAt()).isEqualTo(bob.clock.instant());
        bob.crypto.ed25519().verify(bob.identity.publicKey().bytes(), signed.publicPart().signedMessage(),
                signed.signature());

        byte[] wrongVersion = signed.serialize();
        wrongVersion[0] = 2;
        assertThatThrownBy(() -> SignedPreKeyRecord.deserialize(wrongVersion)).isInstanceOf(UnsupportedVersionException.class);
        assertThatThrownBy(() -> SignedPreKeyRecord.deserialize(new byte[] {1, 0})).isInstanceOf(CorruptStateException.class);
        assertThatThrownBy(() -> OneTimePreKeyRecord.deserialize(new byte[0])).isInstanceOf(CorruptStateException.class);
        byte[] otWrong = oneTime.serialize();
        otWrong[0] = 3;
        assertThatThrownBy(() -> OneTimePreKeyRecord.deserialize(otWrong)).isInstanceOf(UnsupportedVersionException.class);
    }

    @Test
    void signedPreKeyRotationSchedule() {
        PreKeyGenerator generator = new PreKeyGenerator(bob.context);
        SignedPreKeyRecord signed = generator.generateSignedPreKey(bob.identity, 1);
        assertThat(generator.isRotationDue(signed)).isFalse();
        bob.clock.advance(PreKeyGenerator.ROTATION_INTERVAL);
        assertThat(generator.isRotationDue(signed)).isTrue();
        SignedPreKeyRecord next = generator.generateSignedPreKey(bob.identity, 2);
        assertThat(generator.mayDelete(next.createdAt())).isFalse();
        bob.clock.advance(PreKeyGenerator.RETENTION);
        assertThat(generator.mayDelete(next.createdAt())).isTrue();
    }

    @Test
    void malformedPreKeyMessagesAreTypedErrors() throws Exception {
        alice.initiate(bob, bob.publishBundle(1, false));
        byte[] bytes = alice.encrypt(bob, "x").serialize();
        byte[] badFlag = bytes.clone();
        badFlag[70] = 5;
        assertThatThrownBy(() -> CiphertextMessage.deserialize(badFlag)).isInstanceOf(InvalidMessageException.class);
        byte[] innerVersion = bytes.clone();
        innerVersion[PreKeyRatchetMessage.PREFIX_BYTES] = 7;
        assertThatThrownBy(() -> CiphertextMessage.deserialize(innerVersion))
                .isInstanceOf(UnsupportedVersionException.class);
        assertThatThrownBy(() -> CiphertextMessage.deserialize(Arrays.copyOf(bytes, 60)))
                .isInstanceOf(InvalidMessageException.class);
        assertThat(CiphertextMessage.deserialize(bytes).serialize()).isEqualTo(bytes);
    }
}
