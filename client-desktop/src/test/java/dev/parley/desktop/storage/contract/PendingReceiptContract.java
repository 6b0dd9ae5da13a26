package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.PendingReceipts;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

public abstract class PendingReceiptContract extends StorageContract {
    private static final MessageId M1 = new MessageId("aa01");
    private static final MessageId M2 = new MessageId("aa02");
    private static final MessageId M3 = new MessageId("aa03");

    @Test
    void entriesComeBackOldestFirstUntilRemoved() throws Exception {
        write((Transaction txn) -> storage.pendingReceipts().add(txn, "bob", List.of(M1, M2)));
        write((Transaction txn) -> storage.pendingReceipts().add(txn, "carol", List.of(M3)));
        write((Transaction txn) -> storage.pendingReceipts().add(txn, "bob", List.of()));
        List<PendingReceipts> all = read((Transaction txn) -> storage.pendingReceipts().all(txn));
        assertThat(all).extracting(PendingReceipts::recipient).containsExactly("bob", "carol");
        assertThat(all.get(0).messageIds()).containsExactly(M1, M2);
        assertThat(all.get(1).messageIds()).containsExactly(M3);
        write((Transaction txn) -> storage.pendingReceipts().remove(txn, List.of(all.get(0).id(), 999_999L)));
        assertThat(read((Transaction txn) -> storage.pendingReceipts().all(txn))).containsExactly(all.get(1));
        write((Transaction txn) -> storage.pendingReceipts().remove(txn, List.of()));
    }

    @Test
    void anEntryAddedInAFailedTransactionIsGone() {
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.pendingReceipts().add(txn, "bob", List.of(M1));
            throw new java.io.IOException("crash before commit");
        })).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> read((Transaction txn) -> {
            storage.pendingReceipts().add(txn, "bob", List.of(M1));
            return null;
        })).isInstanceOf(StorageException.class).hasMessageContaining("read-only");
    }

    @Test
    void nothingIsOwedAtFirst() throws Exception {
        assertThat(read((Transaction txn) -> storage.pendingReceipts().all(txn))).isEmpty();
    }
}
