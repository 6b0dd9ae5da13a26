package dev.parley.crypto.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.DuplicateMessageException;
import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.NoSessionException;
import dev.parley.crypto.exceptions.TooManySkippedMessagesException;
import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.testing.DeterministicRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sender Keys between Alice, Bob and Carol (docs/protocol.md 1.15). Alice encrypts with libsodium; the members
 * decrypt with BouncyCastle, so the two providers cross-check each other.
 */
class GroupCipherTest {
    private final DeterministicRandom random = new DeterministicRandom(15);
    private final GroupCipher sodium = new GroupCipher(CryptoProviders.libsodium(), random);
    private final GroupCipher bc = new GroupCipher(CryptoProviders.bouncyCastle(), random);
    private final GroupId group = GroupId.random(random);

    private SenderKeyState alice = sodium.create(group);
    private SenderKeyRecord bob = SenderKeyRecord.empty().withNewest(SenderKeyState.fromDistribution(
            SenderKeyDistribution.deserialize(alice.distribution().serialize())));
    private SenderKeyRecord carol = SenderKeyRecord.empty().withNewest(SenderKeyState.fromDistribution(
            alice.distribution()));

    GroupCipherTest() throws Exception {
    }

    private SenderKeyMessage send(String text) throws Exception {
        GroupCipher.Encrypted encrypted = sodium.encrypt(alice, new Payload.Text(MessageId.random(random), 1, text));
        alice = encrypted.next();
        return SenderKeyMessage.deserialize(encrypted.message().serialize());
    }

    private static String text(GroupCipher.Decrypted decrypted) {
        return ((Payload.Text) decrypted.payload()).text();
    }

    @Test
    void everyMemberReadsTheOneCiphertextInAnyOrderAndOnlyOnce() throws Exception {
        SenderKeyMessage first = send("hello group");
        SenderKeyMessage second = send("second");
        SenderKeyMessage third = send("third");

        GroupCipher.Decrypted b3 = bc.decrypt(bob, third);
        assertThat(text(b3)).isEqualTo("third");
        bob = b3.next();
        assertThat(bob.current().orElseThrow().skippedCount()).isEqualTo(2);
        GroupCipher.Decrypted b1 = bc.decrypt(bob, first);
        assertThat(text(b1)).isEqualTo("hello group");
        bob = b1.next();
        bob = bc.decrypt(bob, second).next();
        assertThat(bob.current().orElseThrow().skippedCount()).isZero();
        assertThat(text(sodium.decrypt(carol, second))).isEqualTo("second");

        SenderKeyRecord replayed = bob;
        for (SenderKeyMessage message : List.of(first, second, third)) {
            assertThatThrownBy(() -> bc.decrypt(replayed, message)).isInstanceOf(DuplicateMessageException.class);
        }
    }

    @Test
    void theChainMovesForwardSoALaterCopyOfTheStateCannotReadEarlierMessages() throws Exception {
        byte[] chainAtZero = bob.current().orElseThrow().chainKey();
        List<SenderKeyMessage> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(send("message " + i));
        }
        for (SenderKeyMessage message : sent) {
            bob = bc.decrypt(bob, message).next();
        }
        byte[] stolen = bob.serialize();
        assertThat(HexFormat.of().formatHex(stolen)).doesNotContain(HexFormat.of().formatHex(chainAtZero));
        SenderKeyRecord thief = SenderKeyRecord.deserialize(stolen);
        for (SenderKeyMessage message : sent) {
            assertThatThrownBy(() -> bc.decrypt(thief, message)).isInstanceOf(DuplicateMessageException.class);
        }
    }

    @Test
    void aRemovedMemberCannotReadAfterTheReKeyButRemainingMembersCan() throws Exception {
        SenderKeyMessage before = send("before removal");
        carol = bc.decrypt(carol, before).next();

        alice = sodium.create(group);
        bob = bob.withNewest(SenderKeyState.fromDistribution(alice.distribution()));
        SenderKeyMessage after = send("after removing carol");

        assertThat(text(bc.decrypt(bob, after))).isEqualTo("after removing carol");
        SenderKeyRecord removed = carol;
        assertThatThrownBy(() -> bc.decrypt(removed, after)).isInstanceOf(NoSessionException.class);
        assertThat(text(bc.decrypt(bob, before))).isEqualTo("before removal");
    }

    @Test
    void aNewMemberCannotReadMessagesSentBeforeItJoined() throws Exception {
        SenderKeyMessage early = send("before dave joined");
        SenderKeyRecord dave = SenderKeyRecord.empty().withNewest(
                SenderKeyState.fromDistribution(alice.distribution()));
        SenderKeyMessage late = send("welcome dave");

        assertThatThrownBy(() -> bc.decrypt(dave, early)).isInstanceOf(DuplicateMessageException.class);
        assertThat(text(bc.decrypt(dave, late))).isEqualTo("welcome dave");
    }

    @Test
    void tamperedMessagesAreRejectedAndChangeNothing() throws Exception {
        byte[] bytes = send("do not touch").serialize();
        for (int offset : new int[] {1, 17, 21, 25, SenderKeyMessage.HEADER_BYTES + 3, bytes.length - 1}) {
            byte[] tampered = bytes.clone();
            tampered[offset] ^= 0x01;
            SenderKeyMessage message = SenderKeyMessage.deserialize(tampered);
            assertThatThrownBy(() -> bc.decrypt(bob, message))
                    .isInstanceOfAny(InvalidMessageException.class, NoSessionException.class);
        }
        assertThat(text(bc.decrypt(bob, SenderKeyMessage.deserialize(bytes)))).isEqualTo("do not touch");
    }

    @Test
    void aMemberHoldingTheChainKeyCannotForgeTheSendersSignature() throws Exception {
        SenderKeyState carolsCopy = carol.current().orElseThrow();
        SenderKeyState mallory = sodium.create(group);
        SenderKeyState forger = new SenderKeyState(group, carolsCopy.keyId(), carolsCopy.iteration(),
                carolsCopy.chainKey(), carolsCopy.signingPublic(), mallory.signingSeed(), Map.of());
        SenderKeyMessage forged = sodium.encrypt(forger, new Payload.Text(MessageId.random(random), 1, "I am alice"))
                .message();

        assertThatThrownBy(() -> bc.decrypt(bob, forged)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void aMessageTooFarAheadOrForAnotherGroupIsRefused() throws Exception {
        SenderKeyState far = alice.advancedTo(GroupCipher.MAX_SKIP + 1, alice.chainKey(), Map.of());
        SenderKeyMessage tooFar = sodium.encrypt(far, new Payload.Text(MessageId.random(random), 1, "x")).message();
        assertThatThrownBy(() -> bc.decrypt(bob, tooFar)).isInstanceOf(TooManySkippedMessagesException.class);

        SenderKeyState otherGroup = sodium.create(GroupId.random(random));
        SenderKeyRecord holder = SenderKeyRecord.empty().withNewest(SenderKeyState.fromDistribution(
                new SenderKeyDistribution(group, otherGroup.keyId(), 0, otherGroup.chainKey(),
                        otherGroup.signingPublic())));
        SenderKeyMessage wrongGroup = sodium.encrypt(otherGroup,
                new Payload.Text(MessageId.random(random), 1, "x")).message();
        assertThatThrownBy(() -> bc.decrypt(holder, wrongGroup)).isInstanceOf(NoSessionException.class);
    }

    @Test
    void aReceivedKeyCannotSend() {
        SenderKeyState received = bob.current().orElseThrow();
        assertThat(received.canSend()).isFalse();
        assertThatThrownBy(() -> bc.encrypt(received, new Payload.Text(MessageId.random(random), 1, "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordsKeepTheNewestFiveKeysAndSurviveSerialization() throws Exception {
        SenderKeyRecord record = SenderKeyRecord.empty();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            SenderKeyState state = sodium.create(group);
            ids.add(state.keyId());
            record = record.withNewest(state);
        }
        SenderKeyRecord copy = SenderKeyRecord.deserialize(record.serialize());
        assertThat(copy.states()).extracting(SenderKeyState::keyId)
                .containsExactly(ids.get(6), ids.get(5), ids.get(4), ids.get(3), ids.get(2));
        assertThat(copy.current().orElseThrow().canSend()).isTrue();
        byte[] corrupt = record.serialize();
        corrupt[0] = 9;
        assertThatThrownBy(() -> SenderKeyRecord.deserialize(corrupt)).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> SenderKeyRecord.deserialize(new byte[] {1, 1, 0, 0, 0, 5, 1}))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> SenderKeyDistribution.deserialize(new byte[12]))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> SenderKeyMessage.deserialize(new byte[40]))
                .isInstanceOf(InvalidMessageException.class);
    }
}
