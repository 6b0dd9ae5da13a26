package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.AccountStore;
import dev.parley.desktop.storage.RelayPin;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.Objects;
import java.util.Optional;

final class InMemoryAccountStore implements AccountStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private AccountInfo account;
    private RelayPin pin;
    private byte[] certificate;

    private record Snapshot(AccountInfo account, RelayPin pin, byte[] certificate) {
    }

    InMemoryAccountStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return new Snapshot(account, pin, certificate);
    }

    @Override
    public void restore(Object snapshot) {
        Snapshot s = (Snapshot) snapshot;
        account = s.account();
        pin = s.pin();
        certificate = s.certificate();
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

    @Override
    public Optional<RelayPin> relayPin(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return Optional.ofNullable(pin);
    }

    @Override
    public void pinRelay(Transaction txn, RelayPin pin) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        requireAccount();
        this.pin = Objects.requireNonNull(pin, "pin");
    }

    @Override
    public Optional<byte[]> senderCertificate(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return Optional.ofNullable(certificate).map(byte[]::clone);
    }

    @Override
    public void putSenderCertificate(Transaction txn, byte[] certificate) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        if (certificate == null || certificate.length == 0 || certificate.length > 256) {
            throw new IllegalArgumentException("certificate: 1 to 256 bytes expected");
        }
        requireAccount();
        this.certificate = certificate.clone();
    }

    private void requireAccount() throws StorageException {
        if (account == null) {
            throw new StorageException("no account record to update");
        }
    }
}
