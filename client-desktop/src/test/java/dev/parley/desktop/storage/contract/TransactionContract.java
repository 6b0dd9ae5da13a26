package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.Setting;
import dev.parley.desktop.storage.StorageException;
import org.junit.jupiter.api.Test;

public abstract class TransactionContract extends StorageContract {

    @Test
    void eventsArePublishedOnlyAfterCommitInOrder() throws Exception {
        write((Transaction txn) -> {
            storage.settings().set(txn, Setting.THEME, dev.parley.desktop.storage.Theme.DARK);
            txn.attach("first");
            txn.attach("second");
            assertThat(published).isEmpty();
        });
        assertThat(published).containsExactly("first", "second");
    }

    @Test
    void failedTaskRollsBackAndPublishesNothing() throws Exception {
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.account().put(txn, new AccountInfo("alice", "wss://relay.test"));
            storage.settings().set(txn, Setting.AUTO_LOCK_MINUTES, 5);
            txn.attach("lost");
            throw new java.io.IOException("boom");
        })).isInstanceOf(java.io.IOException.class).hasMessage("boom");
        assertThat(published).isEmpty();
        assertThat(read((Transaction txn) -> storage.account().get(txn))).isEmpty();
        assertThat(read((Transaction txn) -> storage.settings().get(txn, Setting.AUTO_LOCK_MINUTES))).isEqualTo(15);
    }

    @Test
    void writeInReadOnlyTransactionIsRefused() {
        assertThatThrownBy(() -> read((Transaction txn) -> {
            storage.settings().set(txn, Setting.NOTIFICATIONS, false);
            return null;
        })).isInstanceOf(StorageException.class).hasMessageContaining("read-only");
    }

    @Test
    void nestedTransactionIsRefused() {
        assertThatThrownBy(() -> write((Transaction txn) -> write((Transaction inner) -> { })))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void transactionCannotBeUsedAfterItEnded() throws Exception {
        dev.parley.desktop.storage.Transaction[] leaked = new dev.parley.desktop.storage.Transaction[1];
        write((Transaction txn) -> leaked[0] = txn);
        assertThatThrownBy(() -> storage.settings().get(leaked[0], Setting.THEME))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void accountRoundTrips() throws Exception {
        write((Transaction txn) -> storage.account().put(txn, new AccountInfo("alice", "wss://relay.test:8443")));
        write((Transaction txn) -> storage.account().put(txn, new AccountInfo("alice", "wss://other.test")));
        assertThat(read((Transaction txn) -> storage.account().get(txn))).contains(new AccountInfo("alice", "wss://other.test"));
    }

    @Test
    void closedStorageRefusesNewTransactions() {
        storage.close();
        assertThatThrownBy(() -> read((Transaction txn) -> storage.account().get(txn))).isInstanceOf(IllegalStateException.class);
    }
}
