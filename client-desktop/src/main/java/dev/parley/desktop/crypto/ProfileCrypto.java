package dev.parley.desktop.crypto;

import dev.parley.crypto.envelope.SealedSender;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.session.ProtocolContext;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Everything the services need to run the session protocol for one unlocked profile: the protocol state store, the
 * protocol context (provider, randomness, clock), sealed-sender envelopes and the profile-wide lock that serializes
 * every load-compute-commit step.
 */
public final class ProfileCrypto implements AutoCloseable {
    private final ProtocolStateStore state;
    private final ProtocolContext context;
    private final SealedSender sealedSender;
    private final ReentrantLock lock = new ReentrantLock();

    public ProfileCrypto(Storage storage, ProtocolContext context) {
        this.context = Objects.requireNonNull(context);
        this.state = new ProtocolStateStore(storage, context.crypto(), context.clock());
        this.sealedSender = new SealedSender(context.crypto());
    }

    public ProtocolStateStore state() {
        return state;
    }

    public Storage storage() {
        return state.storage();
    }

    public ProtocolContext context() {
        return context;
    }

    public SealedSender sealedSender() {
        return sealedSender;
    }

    /** Hold this around every unit of work (begin, compute, commit). */
    public ReentrantLock lock() {
        return lock;
    }

    /** Sets one protocol counter in a unit of work of its own, under {@link #lock()}. */
    public void setCounter(String name, int value) throws StorageException, ProtocolStorageException {
        lock.lock();
        try {
            ProtocolUnitOfWork work = state.begin();
            work.setCounter(name, value);
            storage().transactions().transaction(false, txn -> work.commit(txn));
            work.committed();
        } finally {
            lock.unlock();
        }
    }

    public IdentityKeyPair identity() {
        return state.identity();
    }

    /**
     * Wipes the cached protocol state, the loaded identity key pair and the sealed-sender MAC keys (on lock); waits for
     * a running unit.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            state.wipeCache();
            sealedSender.forgetMacKeys();
        } finally {
            lock.unlock();
        }
    }
}
