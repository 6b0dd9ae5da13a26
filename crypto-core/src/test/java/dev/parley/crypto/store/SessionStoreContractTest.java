package dev.parley.crypto.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.session.CiphertextMessage;
import dev.parley.crypto.session.RatchetLimits;
import dev.parley.crypto.session.SessionRecord;
import dev.parley.crypto.testing.MutableClock;
import dev.parley.crypto.testing.TestParty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link SessionStore} contract. Every implementation (in-memory here, H2 in the client) subclasses this test
 * and supplies a fresh, empty store from {@link #newStore()}.
 */
public abstract class SessionStoreContractTest {
    private SessionStore store;
    private TestParty alice;
    private TestParty bob;

    /** A new, empty store. */
    protected abstract SessionStore newStore();

    @BeforeEach
    void createStoreAndSession() throws Exception {
        store = newStore();
        alice = new TestParty("alice", CryptoProviders.libsodium(), 1);
        bob = new TestParty("bob", CryptoProviders.libsodium(), 2, new MutableClock(), RatchetLimits.DEFAULT, store);
        alice.initiate(bob, bob.publishBundle(1, true));
        bob.decrypt(alice, alice.encrypt(bob, "hello"));
    }

    @Test
    void anUnknownPeerHasNoSession() {
        Username nobody = new Username("nobody");
        assertThat(store.loadSession(nobody)).isEmpty();
        assertThat(store.containsSession(nobody)).isFalse();
        store.deleteSession(nobody);
        assertThat(store.containsSession(alice.name)).isTrue();
    }

    @Test
    void aStoredRecordLoadsWithTheSameContent() {
        SessionRecord record = store.loadSession(alice.name).orElseThrow();
        Username other = new Username("other");
        store.storeSession(other, record);
        assertThat(store.loadSession(other).orElseThrow().serialize()).isEqualTo(record.serialize());
        assertThat(store.containsSession(other)).isTrue();
    }

    @Test
    void loadSessionReturnsACopy() {
        SessionRecord first = store.loadSession(alice.name).orElseThrow();
        SessionRecord second = store.loadSession(alice.name).orElseThrow();
        assertThat(first).isNotSameAs(second);
        assertThat(first.serialize()).isEqualTo(second.serialize());
    }

    @Test
    void aFailedDecryptLeavesTheStoredRecordUnchanged() throws Exception {
        byte[] before = store.loadSession(alice.name).orElseThrow().serialize();
        byte[] tampered = alice.encrypt(bob, "x").serialize();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> bob.decrypt(alice, CiphertextMessage.deserialize(tampered)))
                .isInstanceOf(InvalidMessageException.class);
        assertThat(store.loadSession(alice.name).orElseThrow().serialize()).isEqualTo(before);
    }

    @Test
    void storingReplacesAndSessionsSurviveInTheStore() throws Exception {
        byte[] before = store.loadSession(alice.name).orElseThrow().serialize();
        assertThat(bob.decrypt(alice, alice.encrypt(bob, "second"))).isEqualTo("second");
        assertThat(store.loadSession(alice.name).orElseThrow().serialize()).isNotEqualTo(before);
        assertThat(alice.decrypt(bob, bob.encrypt(alice, "reply"))).isEqualTo("reply");
    }

    @Test
    void deleteRemovesOnlyThatPeer() {
        Username other = new Username("other");
        store.storeSession(other, store.loadSession(alice.name).orElseThrow());
        store.deleteSession(alice.name);
        assertThat(store.loadSession(alice.name)).isEmpty();
        assertThat(store.containsSession(alice.name)).isFalse();
        assertThat(store.containsSession(other)).isTrue();
    }
}
