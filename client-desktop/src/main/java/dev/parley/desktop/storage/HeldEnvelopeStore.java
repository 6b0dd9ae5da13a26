package dev.parley.desktop.storage;

import java.util.List;

/** Envelopes held apart until the user accepts or refuses a contact's new identity key ({@link HeldEnvelope}). */
public interface HeldEnvelopeStore {
    /** Most envelopes held for one sender; the caller refuses more. */
    int MAX_PER_SENDER = 1000;

    /** Stores an envelope (its id is ignored and assigned). */
    void hold(Transaction txn, HeldEnvelope envelope) throws StorageException;

    /** The sender's held envelopes in arrival order. */
    List<HeldEnvelope> forSender(Transaction txn, String sender) throws StorageException;

    int count(Transaction txn, String sender) throws StorageException;

    /** Deletes every envelope held for the sender; returns how many. */
    int removeAll(Transaction txn, String sender) throws StorageException;
}
