package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.IdentityKeyUpdate;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.OutboxEntry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

public abstract class ContactAndOutboxContract extends StorageContract {
    private static final byte[] KEY_1 = {1, 1, 1, 1};
    private static final byte[] KEY_2 = {2, 2, 2, 2};

    @Test
    void contactsAddFindListAndRefuseDuplicates() throws Exception {
        assertThat(writeAndGet((Transaction txn) -> storage.contacts().add(txn, Contact.of("bob", KEY_1, T0)))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.contacts().add(txn, Contact.of("bob", KEY_2, T0)))).isFalse();
        write((Transaction txn) -> storage.contacts().add(txn, Contact.of("alice", KEY_2, T0)));
        Contact bob = read((Transaction txn) -> storage.contacts().find(txn, "bob")).orElseThrow();
        assertThat(bob).isEqualTo(Contact.of("bob", KEY_1, T0));
        assertThat(bob.verified()).isFalse();
        assertThat(read((Transaction txn) -> storage.contacts().list(txn))).extracting(Contact::username)
                .containsExactly("alice", "bob");
        assertThat(read((Transaction txn) -> storage.contacts().find(txn, "carol"))).isEmpty();
    }

    @Test
    void identityKeyChangeUnverifiesAndWarnsUntilAcknowledged() throws Exception {
        write((Transaction txn) -> storage.contacts().add(txn, Contact.of("bob", KEY_1, T0)));
        assertThat(writeAndGet((Transaction txn) -> storage.contacts().setVerified(txn, "bob", true))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.contacts().updateIdentityKey(txn, "bob", KEY_1)))
                .isEqualTo(IdentityKeyUpdate.UNCHANGED);
        assertThat(read((Transaction txn) -> storage.contacts().find(txn, "bob")).orElseThrow().verified()).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.contacts().updateIdentityKey(txn, "bob", KEY_2)))
                .isEqualTo(IdentityKeyUpdate.CHANGED);
        Contact changed = read((Transaction txn) -> storage.contacts().find(txn, "bob")).orElseThrow();
        assertThat(changed.identityKey()).isEqualTo(KEY_2);
        assertThat(changed.verified()).isFalse();
        assertThat(changed.identityChange()).isEqualTo(IdentityChangeState.CHANGED_UNACKNOWLEDGED);
        assertThat(writeAndGet((Transaction txn) -> storage.contacts().acknowledgeIdentityChange(txn, "bob"))).isTrue();
        assertThat(read((Transaction txn) -> storage.contacts().find(txn, "bob")).orElseThrow().identityChange())
                .isEqualTo(IdentityChangeState.NONE);
        assertThat(writeAndGet((Transaction txn) -> storage.contacts().updateIdentityKey(txn, "nobody", KEY_2)))
                .isEqualTo(IdentityKeyUpdate.NOT_FOUND);
    }

    @Test
    void displayNameAndRemoval() throws Exception {
        write((Transaction txn) -> storage.contacts().add(txn, Contact.of("bob", KEY_1, T0)));
        assertThat(writeAndGet((Transaction txn) -> storage.contacts().setDisplayName(txn, "bob", "Bobby"))).isTrue();
        assertThat(read((Transaction txn) -> storage.contacts().find(txn, "bob")).orElseThrow().display()).contains("Bobby");
        assertThat(writeAndGet((Transaction txn) -> storage.contacts().setDisplayName(txn, "bob", null))).isTrue();
        assertThat(read((Transaction txn) -> storage.contacts().find(txn, "bob")).orElseThrow().display()).isEmpty();
        assertThat(writeAndGet((Transaction txn) -> storage.contacts().remove(txn, "bob"))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.contacts().remove(txn, "bob"))).isFalse();
        assertThat(writeAndGet((Transaction txn) -> storage.contacts().setVerified(txn, "bob", true))).isFalse();
    }

    @Test
    void outboxQueuesUntilAcknowledgedOldestFirst() throws Exception {
        MessageId m1 = new MessageId("m1");
        MessageId m2 = new MessageId("m2");
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().enqueue(txn, m2, "bob", new byte[] {2}, T0.plusSeconds(5))))
                .isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().enqueue(txn, m1, "bob", new byte[] {1}, T0))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().enqueue(txn, m1, "bob", new byte[] {9}, T0))).isFalse();
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().enqueue(txn, m1, "carol", new byte[] {3}, T0.plusSeconds(9))))
                .isTrue();
        assertThat(read((Transaction txn) -> storage.outbox().size(txn))).isEqualTo(3);
        assertThat(read((Transaction txn) -> storage.outbox().pending(txn, 2))).extracting(OutboxEntry::messageId)
                .containsExactly(m1, m2);
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().recordAttempt(txn, m1, "bob", T0.plus(Duration.ofMinutes(1)))))
                .isTrue();
        write((Transaction txn) -> storage.outbox().recordAttempt(txn, m1, "bob", T0.plus(Duration.ofMinutes(2))));
        OutboxEntry e = read((Transaction txn) -> storage.outbox().find(txn, m1, "bob")).orElseThrow();
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e.lastAttempt()).contains(T0.plus(Duration.ofMinutes(2)));
        assertThat(e.blob()).containsExactly(1);
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().acknowledge(txn, m1, "bob"))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().acknowledge(txn, m1, "bob"))).isFalse();
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().recordAttempt(txn, m1, "bob", T0))).isFalse();
        assertThat(read((Transaction txn) -> storage.outbox().pending(txn, 10))).extracting(OutboxEntry::recipient)
                .containsExactly("bob", "carol");
    }

    @Test
    void issue17AnEntryKeepsItsPayloadAndAMessagesEntriesForEveryDeviceAreFoundTogether() throws Exception {
        MessageId m1 = new MessageId("m1");
        MessageId m2 = new MessageId("m2");
        write((Transaction txn) -> storage.outbox().enqueue(txn, m1, "bob", new byte[] {1}, new byte[] {7, 7}, T0));
        write((Transaction txn) -> storage.outbox().enqueue(txn, m2, "bob", new byte[] {2}, T0.plusSeconds(1)));
        write((Transaction txn) -> storage.outbox().enqueue(txn, m1, "bob:3", new byte[] {3}, new byte[] {7, 7},
                T0.plusSeconds(2)));
        write((Transaction txn) -> storage.outbox().enqueue(txn, m1, "alice:2", new byte[] {4}, new byte[] {8},
                T0.plusSeconds(3)));
        assertThat(read((Transaction txn) -> storage.outbox().forMessage(txn, m1))).extracting(OutboxEntry::recipient)
                .containsExactly("bob", "bob:3", "alice:2");
        assertThat(read((Transaction txn) -> storage.outbox().payload(txn, m1, "bob:3"))).hasValueSatisfying(
                p -> assertThat(p).containsExactly(7, 7));
        assertThat(read((Transaction txn) -> storage.outbox().payload(txn, m2, "bob"))).as("queued without").isEmpty();
        assertThat(read((Transaction txn) -> storage.outbox().payload(txn, m1, "carol"))).isEmpty();
        write((Transaction txn) -> storage.outbox().acknowledge(txn, m1, "bob:3"));
        assertThat(read((Transaction txn) -> storage.outbox().payload(txn, m1, "bob:3"))).isEmpty();
        assertThat(read((Transaction txn) -> storage.outbox().forMessage(txn, m1))).extracting(OutboxEntry::recipient)
                .containsExactly("bob", "alice:2");
        assertThat(read((Transaction txn) -> storage.outbox().forMessage(txn, new MessageId("m9")))).isEmpty();
    }

    @Test
    void issue15AMessagesBlobsForManyRecipientsAreQueuedAtOnceInOrderSkippingThoseAlreadyQueued() throws Exception {
        MessageId m1 = new MessageId("m1");
        write((Transaction txn) -> storage.outbox().enqueue(txn, m1, "carol", new byte[] {9}, T0));
        int queued = writeAndGet((Transaction txn) -> storage.outbox().enqueueAll(txn, m1,
                java.util.List.of("bob", "carol", "dave", "bob"),
                java.util.List.of(new byte[] {1}, new byte[] {2}, new byte[] {3}, new byte[] {4}), T0.plusSeconds(1)));
        assertThat(queued).isEqualTo(2);
        assertThat(read((Transaction txn) -> storage.outbox().forMessage(txn, m1))).extracting(OutboxEntry::recipient)
                .containsExactly("carol", "bob", "dave");
        assertThat(read((Transaction txn) -> storage.outbox().find(txn, m1, "carol")).orElseThrow().blob())
                .as("the entry queued first stays").containsExactly(9);
        OutboxEntry dave = read((Transaction txn) -> storage.outbox().find(txn, m1, "dave")).orElseThrow();
        assertThat(dave.blob()).containsExactly(3);
        assertThat(dave.attempts()).isZero();
        assertThat(dave.createdAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(read((Transaction txn) -> storage.outbox().payload(txn, m1, "dave"))).isEmpty();
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().enqueueAll(txn, m1, java.util.List.of(),
                java.util.List.of(), T0))).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write((Transaction txn) -> storage.outbox()
                .enqueueAll(txn, m1, java.util.List.of("erin"), java.util.List.of(), T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(read((Transaction txn) -> storage.outbox().size(txn))).isEqualTo(3);
    }
}
