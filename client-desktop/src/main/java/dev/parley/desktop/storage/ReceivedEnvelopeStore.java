package dev.parley.desktop.storage;

import java.util.List;
import java.util.Optional;

/**
 * Which incoming envelopes have been decrypted and committed. The messaging layer records each envelope in the same
 * transaction as its message row (or the effects of its control payload), so "recorded here" means "safely stored".
 * When the session protocol later says an envelope's message key was already used, this store is what tells a
 * redelivery of a stored envelope (safe to acknowledge) from one whose content never reached the history.
 */
public interface ReceivedEnvelopeStore {

    /** Records each envelope; recording a digest that is already present keeps the first record. */
    void recordAll(Transaction txn, List<ReceivedEnvelope> envelopes) throws StorageException;

    /** The record of {@code digest}, if that envelope was committed. */
    Optional<ReceivedEnvelope> find(Transaction txn, EnvelopeDigest digest) throws StorageException;
}
