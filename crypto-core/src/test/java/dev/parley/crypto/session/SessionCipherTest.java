package dev.parley.crypto.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.DuplicateMessageException;
import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.NoSessionException;
import dev.parley.crypto.exceptions.PlaintextHandlerException;
import dev.parley.crypto.exceptions.SenderMismatchException;
import dev.parley.crypto.exceptions.TooManySkippedMessagesException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.testing.MutableClock;
import dev.parley.crypto.testing.TestParty;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionCipherTest {
    private final MutableClock clock = new MutableClock();
    private final RatchetLimits limits = new RatchetLimits(50, 120, Duration.ofDays(30));
    private TestParty alice;
    private TestParty bob;

    @BeforeEach
    void handshake() throws Exception {
        alice = new TestParty("alice", CryptoProviders.libsodium(), 1, clock, limits);
        bob = new TestParty("bob", CryptoProviders.libsodium(), 2, clock, limits);
        alice.initiate(bob, bob.publishBundle(1, true));
        assertThat(bob.decrypt(alice, alice.encrypt(bob, "hello"))).isEqualTo("hello");
        assertThat(alice.decrypt(bob, bob.encrypt(alice, "hi"))).isEqualTo("hi");
    }

    @Test
    void thousandMessagesInRandomInterleavingsAndDirectionsRoundTrip() throws Exception {
        Random random = new Random(42);
        List<Sent> toBob = new ArrayList<>();
        List<Sent> toAlice = new ArrayList<>();
        int sent = 0;
        int delivered = 0;
        while (sent < 1000 || !toBob.isEmpty() || !toAlice.isEmpty()) {
            int action = random.nextInt(4);
            if (sent < 1000 && action < 2) {
                boolean fromAlice = random.nextBoolean();
                String text = "message " + sent + " " + "x".repeat(random.nextInt(300));
                if (fromAlice) {
                    toBob.add(new Sent(text, alice.encrypt(bob, text)));
                } else {
                    toAlice.add(new Sent(text, bob.encrypt(alice, text)));
                }
                sent++;
            } else {
                List<Sent> queue = random.nextBoolean() ? toBob : toAlice;
                if (queue.isEmpty()) {
                    queue = queue == toBob ? toAlice : toBob;
                }
                if (queue.isEmpty()) {
                    continue;
                }
                // Deliver a random one of the oldest few: reordering within a window.
                Sent next = queue.remove(random.nextInt(Math.min(queue.size(), 8)));
                String received = queue == toBob ? bob.decrypt(alice, next.message) : alice.decrypt(bob, next.message);
                assertThat(received).isEqualTo(next.text);
                delivered++;
            }
        }
        assertThat(delivered).isEqualTo(1000);
    }

    @Test
    void outOfOrderWithinMaxSkipWorksAndBeyondIsATypedErrorThatChangesNothing() throws Exception {
        List<CiphertextMessage> messages = new ArrayList<>();
        for (int i = 0; i < limits.maxSkip() + 2; i++) {
            messages.add(alice.encrypt(bob, "m" + i));
        }
        assertThat(bob.decrypt(alice, messages.get(limits.maxSkip()))).isEqualTo("m" + limits.maxSkip());
        assertThat(bob.decrypt(alice, messages.get(0))).isEqualTo("m0");
        assertThat(bob.decrypt(alice, messages.get(17))).isEqualTo("m17");

        List<CiphertextMessage> more = new ArrayList<>();
        for (int i = 0; i < limits.maxSkip() + 2; i++) {
            more.add(alice.encrypt(bob, "n" + i));
        }
        byte[] before = bob.stores.sessions().loadSession(alice.name).orElseThrow().serialize();
        assertThatThrownBy(() -> bob.decrypt(alice, more.get(more.size() - 1)))
                .isInstanceOf(TooManySkippedMessagesException.class);
        assertThat(bob.stores.sessions().loadSession(alice.name).orElseThrow().serialize()).isEqualTo(before);
        assertThat(bob.decrypt(alice, more.get(3))).isEqualTo("n3");
    }

    @Test
    void skippedKeysAcrossADhRatchetStillDecrypt() throws Exception {
        CiphertextMessage late = alice.encrypt(bob, "late");
        CiphertextMessage onTime = alice.encrypt(bob, "on time");
        assertThat(bob.decrypt(alice, onTime)).isEqualTo("on time");
        assertThat(alice.decrypt(bob, bob.encrypt(alice, "reply"))).isEqualTo("reply");
        assertThat(bob.decrypt(alice, alice.encrypt(bob, "new chain"))).isEqualTo("new chain");
        assertThat(bob.decrypt(alice, late)).isEqualTo("late");
    }

    @Test
    void skippedKeysExpireAfterTheAgeBound() throws Exception {
        CiphertextMessage late = alice.encrypt(bob, "late");
        bob.decrypt(alice, alice.encrypt(bob, "on time"));
        clock.advance(limits.maxSkippedAge().plusSeconds(1));
        bob.decrypt(alice, alice.encrypt(bob, "later"));
        assertThatThrownBy(() -> bob.decrypt(alice, late)).isInstanceOf(DuplicateMessageException.class);
    }

    @Test
    void theTotalSkippedKeyCapDropsTheOldest() throws Exception {
        List<CiphertextMessage> first = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            List<CiphertextMessage> chain = new ArrayList<>();
            for (int i = 0; i <= limits.maxSkip(); i++) {
                chain.add(alice.encrypt(bob, "r" + round + " m" + i));
            }
            bob.decrypt(alice, chain.get(limits.maxSkip()));
            if (round == 0) {
                first = chain;
            }
            alice.decrypt(bob, bob.encrypt(alice, "ratchet"));
        }
        SessionState state = bob.stores.sessions().loadSession(alice.name).orElseThrow().current();
        assertThat(state.skipped).hasSize(limits.maxSkippedTotal());
        CiphertextMessage oldest = first.get(0);
        assertThatThrownBy(() -> bob.decrypt(alice, oldest)).isInstanceOf(DuplicateMessageException.class);
        assertThat(bob.decrypt(alice, first.get(limits.maxSkip() - 1))).isEqualTo("r0 m" + (limits.maxSkip() - 1));
    }

    @Test
    void replayedMessageIsADuplicate() throws Exception {
        CiphertextMessage message = alice.encrypt(bob, "once");
        bob.decrypt(alice, message);
        assertThatThrownBy(() -> bob.decrypt(alice, message)).isInstanceOf(DuplicateMessageException.class);
        // Also after the chain moved on past a DH ratchet.
        alice.decrypt(bob, bob.encrypt(alice, "reply"));
        bob.decrypt(alice, alice.encrypt(bob, "next chain"));
        assertThatThrownBy(() -> bob.decrypt(alice, message)).isInstanceOf(DuplicateMessageException.class);
    }

    @Test
    void tamperedHeaderOrCiphertextIsRejectedAndTheSessionStillWorks() throws Exception {
        CiphertextMessage message = alice.encrypt(bob, "intact");
        byte[] bytes = message.serialize();
        int[] positions = {2, 20, 33, 37, 41, RatchetMessage.HEADER_BYTES, RatchetMessage.HEADER_BYTES + 20, bytes.length - 1};
        byte[] before = bob.stores.sessions().loadSession(alice.name).orElseThrow().serialize();
        for (int position : positions) {
            byte[] tampered = bytes.clone();
            tampered[position] ^= 0x01;
            assertThatThrownBy(() -> bob.decrypt(alice, CiphertextMessage.deserialize(tampered)))
                    .as("byte %d", position).isInstanceOfAny(InvalidMessageException.class,
                            TooManySkippedMessagesException.class, DuplicateMessageException.class);
            assertThat(bob.stores.sessions().loadSession(alice.name).orElseThrow().serialize()).isEqualTo(before);
        }
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> bob.decrypt(alice, CiphertextMessage.deserialize(truncated)))
                .isInstanceOf(InvalidMessageException.class);
        assertThat(bob.decrypt(alice, message)).isEqualTo("intact");
        assertThat(alice.decrypt(bob, bob.encrypt(alice, "still working"))).isEqualTo("still working");
    }

    @Test
    void unknownVersionOrTypeIsATypedError() throws Exception {
        byte[] bytes = alice.encrypt(bob, "x").serialize();
        bytes[0] = 1;
        assertThatThrownBy(() -> CiphertextMessage.deserialize(bytes)).isInstanceOf(UnsupportedVersionException.class);
        bytes[0] = 3;
        assertThatThrownBy(() -> CiphertextMessage.deserialize(bytes)).isInstanceOf(UnsupportedVersionException.class);
        bytes[0] = 2;
        bytes[1] = 9;
        assertThatThrownBy(() -> CiphertextMessage.deserialize(bytes)).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> CiphertextMessage.deserialize(new byte[1])).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void aMessageFromAnotherIdentityIsASenderMismatch() throws Exception {
        TestParty carol = new TestParty("carol", CryptoProviders.libsodium(), 3, clock, limits);
        CiphertextMessage message = alice.encrypt(bob, "for bob");
        assertThatThrownBy(() -> bob.cipherFor(alice).decrypt(carol.identity.publicKey(), message, DecryptionCallback.NONE))
                .isInstanceOf(SenderMismatchException.class);
        assertThat(bob.decrypt(alice, message)).isEqualTo("for bob");
    }

    @Test
    void noSessionIsATypedError() throws Exception {
        TestParty carol = new TestParty("carol", CryptoProviders.libsodium(), 3, clock, limits);
        assertThatThrownBy(() -> carol.encrypt(bob, "x")).isInstanceOf(NoSessionException.class);
        CiphertextMessage message = alice.encrypt(bob, "x");
        assertThatThrownBy(() -> carol.decrypt(alice, message)).isInstanceOf(NoSessionException.class);
    }

    @Test
    void aFailingCallbackCommitsNothingAndTheMessageDecryptsLater() throws Exception {
        CiphertextMessage message = alice.encrypt(bob, "persist me");
        byte[] before = bob.stores.sessions().loadSession(alice.name).orElseThrow().serialize();
        assertThatThrownBy(() -> bob.cipherFor(alice).decrypt(alice.identity.publicKey(), message, payload -> {
            throw new IOException("disk full");
        })).isInstanceOf(PlaintextHandlerException.class).hasCauseInstanceOf(IOException.class);
        assertThat(bob.stores.sessions().loadSession(alice.name).orElseThrow().serialize()).isEqualTo(before);
        List<Payload> persisted = new ArrayList<>();
        bob.cipherFor(alice).decrypt(alice.identity.publicKey(), message, persisted::add);
        assertThat(persisted).singleElement().extracting(p -> ((Payload.Text) p).text()).isEqualTo("persist me");
    }

    @Test
    void forwardSecrecyDecryptedKeysAreGoneAndLaterSnapshotsCannotReadEarlierMessages() throws Exception {
        CiphertextMessage early = alice.encrypt(bob, "early");
        bob.decrypt(alice, early);
        assertThatThrownBy(() -> bob.decrypt(alice, early)).isInstanceOf(DuplicateMessageException.class);

        byte[] snapshot = bob.stores.sessions().loadSession(alice.name).orElseThrow().serialize();
        TestParty thief = new TestParty("bob", CryptoProviders.libsodium(), 99, clock, limits);
        thief.stores.sessions().storeSession(alice.name, SessionRecord.deserialize(snapshot));
        assertThatThrownBy(() -> thief.decrypt(alice, early)).isInstanceOf(DuplicateMessageException.class);
        SessionState state = SessionRecord.deserialize(snapshot).current();
        assertThat(state.skipped).isEmpty();
    }

    @Test
    void postCompromiseSecurityHealsAfterOneDhRoundTrip() throws Exception {
        // The attacker copies Alice's whole state.
        TestParty attacker = new TestParty("alice", CryptoProviders.libsodium(), 77, clock, limits);
        attacker.stores.sessions().storeSession(bob.name,
                SessionRecord.deserialize(alice.stores.sessions().loadSession(bob.name).orElseThrow().serialize()));

        CiphertextMessage beforeHealing = bob.encrypt(alice, "readable by the attacker");
        assertThat(attacker.decrypt(bob, beforeHealing)).isEqualTo("readable by the attacker");
        assertThat(alice.decrypt(bob, beforeHealing)).isEqualTo("readable by the attacker");

        // Alice's next sending ratchet key was generated before the copy, so Bob's reply to it is still readable.
        bob.decrypt(alice, alice.encrypt(bob, "alice sends with a key the attacker holds"));
        CiphertextMessage stillExposed = bob.encrypt(alice, "bob ratchets");
        assertThat(attacker.decrypt(bob, stillExposed)).isEqualTo("bob ratchets");
        assertThat(alice.decrypt(bob, stillExposed)).isEqualTo("bob ratchets");

        // Receiving Bob's new key made Alice generate a ratchet key after the copy: one round trip on it heals.
        bob.decrypt(alice, alice.encrypt(bob, "alice sends with a fresh key"));
        CiphertextMessage afterHealing = bob.encrypt(alice, "secret again");
        assertThat(alice.decrypt(bob, afterHealing)).isEqualTo("secret again");
        assertThatThrownBy(() -> attacker.decrypt(bob, afterHealing)).isInstanceOf(InvalidMessageException.class);
        CiphertextMessage later = bob.encrypt(alice, "still secret");
        assertThatThrownBy(() -> attacker.decrypt(bob, later)).isInstanceOf(InvalidMessageException.class);
        assertThat(alice.decrypt(bob, later)).isEqualTo("still secret");
    }

    @Test
    void sessionSerializedMidConversationContinues() throws Exception {
        CiphertextMessage pending = alice.encrypt(bob, "skipped before save");
        bob.decrypt(alice, alice.encrypt(bob, "delivered"));
        for (TestParty party : List.of(alice, bob)) {
            TestParty peer = party == alice ? bob : alice;
            SessionRecord record = party.stores.sessions().loadSession(peer.name).orElseThrow();
            byte[] bytes = record.serialize();
            SessionRecord restored = SessionRecord.deserialize(bytes);
            assertThat(restored.serialize()).isEqualTo(bytes);
            party.stores.sessions().deleteSession(peer.name);
            party.stores.sessions().storeSession(peer.name, restored);
        }
        assertThat(bob.decrypt(alice, pending)).isEqualTo("skipped before save");
        assertThat(alice.decrypt(bob, bob.encrypt(alice, "after restore"))).isEqualTo("after restore");
        assertThat(bob.decrypt(alice, alice.encrypt(bob, "and back"))).isEqualTo("and back");
    }

    @Test
    void libsodiumAndBouncyCastleInteroperate() throws Exception {
        TestParty sodiumAlice = new TestParty("alice", CryptoProviders.libsodium(), 11);
        TestParty bcBob = new TestParty("bob", CryptoProviders.bouncyCastle(), 12);
        sodiumAlice.initiate(bcBob, bcBob.publishBundle(7, true));
        Random random = new Random(5);
        for (int i = 0; i < 60; i++) {
            if (random.nextBoolean()) {
                CiphertextMessage m = sodiumAlice.encrypt(bcBob, "a" + i);
                assertThat(bcBob.open(sodiumAlice.seal(bcBob, m)).message()).isEqualTo(m);
                assertThat(bcBob.decrypt(sodiumAlice, m)).isEqualTo("a" + i);
            } else if (bcBob.stores.sessions().containsSession(sodiumAlice.name)) {
                CiphertextMessage m = bcBob.encrypt(sodiumAlice, "b" + i);
                assertThat(sodiumAlice.open(bcBob.seal(sodiumAlice, m)).message()).isEqualTo(m);
                assertThat(sodiumAlice.decrypt(bcBob, m)).isEqualTo("b" + i);
            }
        }
    }

    @Test
    void simultaneousInitiationConvergesOnOneSession() throws Exception {
        TestParty carol = new TestParty("carol", CryptoProviders.libsodium(), 3, clock, limits);
        TestParty dave = new TestParty("dave", CryptoProviders.libsodium(), 4, clock, limits);
        carol.initiate(dave, dave.publishBundle(1, true));
        dave.initiate(carol, carol.publishBundle(1, true));
        CiphertextMessage fromCarol = carol.encrypt(dave, "carol first");
        CiphertextMessage fromDave = dave.encrypt(carol, "dave first");
        assertThat(dave.decrypt(carol, fromCarol)).isEqualTo("carol first");
        assertThat(carol.decrypt(dave, fromDave)).isEqualTo("dave first");
        for (int i = 0; i < 3; i++) {
            assertThat(dave.decrypt(carol, carol.encrypt(dave, "c" + i))).isEqualTo("c" + i);
            assertThat(carol.decrypt(dave, dave.encrypt(carol, "d" + i))).isEqualTo("d" + i);
        }
    }

    @Test
    void defaultMaxSkipIsOneThousandPerChain() throws Exception {
        TestParty carol = new TestParty("carol", CryptoProviders.libsodium(), 3);
        TestParty dave = new TestParty("dave", CryptoProviders.libsodium(), 4);
        carol.initiate(dave, dave.publishBundle(1, false));
        dave.decrypt(carol, carol.encrypt(dave, "start"));
        List<CiphertextMessage> messages = new ArrayList<>();
        for (int i = 0; i < 1002; i++) {
            messages.add(carol.encrypt(dave, "m" + i));
        }
        assertThat(RatchetLimits.DEFAULT.maxSkip()).isEqualTo(1000);
        assertThatThrownBy(() -> dave.decrypt(carol, messages.get(1001)))
                .isInstanceOf(TooManySkippedMessagesException.class);
        assertThat(dave.decrypt(carol, messages.get(1000))).isEqualTo("m1000");
        assertThat(dave.decrypt(carol, messages.get(0))).isEqualTo("m0");
        assertThat(dave.decrypt(carol, messages.get(1001))).isEqualTo("m1001");
    }

    @Test
    void aPreKeyMessageClaimedByAnotherIdentityOrFromAnUntrustedOneIsRefused() throws Exception {
        TestParty carol = new TestParty("carol", CryptoProviders.libsodium(), 3, clock, limits);
        TestParty dave = new TestParty("dave", CryptoProviders.libsodium(), 4, clock, limits);
        carol.initiate(dave, dave.publishBundle(1, true));
        CiphertextMessage first = carol.encrypt(dave, "first");
        assertThatThrownBy(() -> dave.cipherFor(carol).decrypt(alice.identity.publicKey(), first, DecryptionCallback.NONE))
                .isInstanceOf(SenderMismatchException.class);
        dave.stores.identities().saveIdentity(carol.name, alice.identity.publicKey());
        assertThatThrownBy(() -> dave.decrypt(carol, first))
                .isInstanceOf(dev.parley.crypto.exceptions.UntrustedIdentityException.class);
        assertThat(dave.stores.sessions().containsSession(carol.name)).isFalse();
        assertThat(dave.stores.preKeys().containsPreKey(100)).isTrue();
        dave.stores.identities().saveIdentity(carol.name, carol.identity.publicKey());
        assertThat(dave.decrypt(carol, first)).isEqualTo("first");
    }

    private record Sent(String text, CiphertextMessage message) {
    }
}
