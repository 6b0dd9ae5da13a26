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

    private static java.util.List<byte[]> parts(int... firstBytes) {
        java.util.List<byte[]> out = new java.util.ArrayList<>();
        for (int b : firstBytes) {
            out.add(new byte[] {(byte) b, (byte) b});
        }
        return out;
    }

    @Test
    void issue15ASharedPartIsStoredOnceAndEachEntryReadsBackItsOwnPartFollowedByIt() throws Exception {
        MessageId m1 = new MessageId("m1");
        byte[] body = {7, 8, 9};
        write((Transaction txn) -> storage.outbox().enqueue(txn, m1, "carol", new byte[] {5}, T0));
        int queued = writeAndGet((Transaction txn) -> storage.outbox().enqueueShared(txn, m1,
                java.util.List.of("bob", "carol", "dave", "bob"), parts(1, 2, 3, 4), body, T0.plusSeconds(1)));
        assertThat(queued).isEqualTo(2);
        assertThat(read((Transaction txn) -> storage.outbox().sharedParts(txn))).isEqualTo(1);
        assertThat(read((Transaction txn) -> storage.outbox().find(txn, m1, "bob")).orElseThrow().blob())
                .containsExactly(1, 1, 7, 8, 9);
        assertThat(read((Transaction txn) -> storage.outbox().find(txn, m1, "carol")).orElseThrow().blob())
                .as("the entry queued first, alone, stays as it was").containsExactly(5);
        assertThat(read((Transaction txn) -> storage.outbox().pending(txn, 10))).extracting(OutboxEntry::blob)
                .containsExactly(new byte[] {5}, new byte[] {1, 1, 7, 8, 9}, new byte[] {3, 3, 7, 8, 9});
        assertThat(read((Transaction txn) -> storage.outbox().forMessage(txn, m1))).extracting(OutboxEntry::recipient)
                .containsExactly("carol", "bob", "dave");
        assertThat(read((Transaction txn) -> storage.outbox().payload(txn, m1, "dave"))).isEmpty();
        write((Transaction txn) -> storage.outbox().recordAttempt(txn, m1, "dave", T0.plusSeconds(2)));
        OutboxEntry dave = read((Transaction txn) -> storage.outbox().find(txn, m1, "dave")).orElseThrow();
        assertThat(dave.blob()).containsExactly(3, 3, 7, 8, 9);
        assertThat(dave.attempts()).isEqualTo(1);

        assertThat(writeAndGet((Transaction txn) -> storage.outbox().acknowledge(txn, m1, "bob"))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().acknowledge(txn, m1, "carol"))).isTrue();
        assertThat(read((Transaction txn) -> storage.outbox().sharedParts(txn))).as("dave still uses it").isEqualTo(1);
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().acknowledge(txn, m1, "dave"))).isTrue();
        assertThat(read((Transaction txn) -> storage.outbox().sharedParts(txn))).as("gone with its last entry").isZero();
        assertThat(read((Transaction txn) -> storage.outbox().size(txn))).isZero();
    }

    @Test
    void issue15AllRecipientsAnsweredAtOnceTakeTheSharedPartWithThem() throws Exception {
        MessageId m1 = new MessageId("m1");
        MessageId m2 = new MessageId("m2");
        write((Transaction txn) -> storage.outbox().enqueueShared(txn, m1, java.util.List.of("bob", "carol", "dave"),
                parts(1, 2, 3), new byte[] {7}, T0));
        write((Transaction txn) -> storage.outbox().enqueueShared(txn, m2, java.util.List.of("bob"), parts(4),
                new byte[] {8}, T0));
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().acknowledgeAll(txn, m1,
                java.util.List.of("bob", "carol", "erin")))).isEqualTo(2);
        assertThat(read((Transaction txn) -> storage.outbox().sharedParts(txn))).isEqualTo(2);
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().acknowledgeAll(txn, m1,
                java.util.List.of("dave")))).isEqualTo(1);
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().acknowledgeAll(txn, m1,
                java.util.List.of("dave")))).isZero();
        assertThat(read((Transaction txn) -> storage.outbox().sharedParts(txn))).isEqualTo(1);
        assertThat(read((Transaction txn) -> storage.outbox().find(txn, m2, "bob")).orElseThrow().blob())
                .containsExactly(4, 4, 8);
        // nothing new queued: no shared part is stored for it
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().enqueueShared(txn, m2, java.util.List.of("bob"),
                parts(5), new byte[] {8}, T0))).isZero();
        assertThat(writeAndGet((Transaction txn) -> storage.outbox().enqueueShared(txn, new MessageId("m3"),
                java.util.List.of(), java.util.List.of(), new byte[] {8}, T0))).isZero();
        assertThat(read((Transaction txn) -> storage.outbox().sharedParts(txn))).isEqualTo(1);
    }

    @Test
    void issue15AFailureBetweenTheSharedPartAndItsEntriesLeavesNeitherAndBadInputIsRefused() throws Exception {
        MessageId m1 = new MessageId("m1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.outbox().enqueueShared(txn, m1, java.util.List.of("bob", "carol"), parts(1, 2), new byte[] {7}, T0);
            throw new IllegalStateException("the process died here");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(read((Transaction txn) -> storage.outbox().size(txn))).isZero();
        assertThat(read((Transaction txn) -> storage.outbox().sharedParts(txn))).isZero();

        write((Transaction txn) -> storage.outbox().enqueueShared(txn, m1, java.util.List.of("bob"), parts(1),
                new byte[] {7}, T0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write((Transaction txn) -> storage.outbox()
                .enqueueShared(txn, m1, java.util.List.of("carol"), parts(2), new byte[] {6}, T0)))
                .as("another shared part under the same id").isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write((Transaction txn) -> storage.outbox()
                .enqueueShared(txn, m1, java.util.List.of("carol"), java.util.List.of(), new byte[] {7}, T0)))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write((Transaction txn) -> storage.outbox()
                .enqueueShared(txn, m1, java.util.List.of("carol"), parts(2), new byte[0], T0)))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write((Transaction txn) -> storage.outbox()
                .enqueueShared(txn, m1, java.util.List.of("carol"), java.util.List.of(new byte[OutboxEntry.MAX_BLOB_BYTES]),
                        new byte[] {7}, T0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(read((Transaction txn) -> storage.outbox().forMessage(txn, m1))).extracting(OutboxEntry::recipient)
                .containsExactly("bob");
        assertThat(read((Transaction txn) -> storage.outbox().sharedParts(txn))).isEqualTo(1);
    }
}
