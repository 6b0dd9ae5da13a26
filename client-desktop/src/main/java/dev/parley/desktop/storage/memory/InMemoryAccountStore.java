package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.AccountStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.Objects;
import java.util.Optional;

final class InMemoryAccountStore implements AccountStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private AccountInfo account;

    InMemoryAccountStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return Optional.ofNullable(account);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        account = ((Optional<AccountInfo>) snapshot).orElse(null);
    }

    @Override
    public Optional<AccountInfo> get(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return Optional.ofNullable(account);
    }

    @Override
    public void put(Transaction txn, AccountInfo account) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        this.account = Objects.requireNonNull(account, "account");
    }
}
