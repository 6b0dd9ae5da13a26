package dev.parley.desktop.storage.history;

import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;

/**
 * Issue #17, history transfer at link time (docs/protocol.md 1.18): reads this profile's history in bounded slices,
 * newest first, for a new device of the account, and imports such slices on the new device. Positions are the
 * sending profile's message sequence numbers; a transfer covers the messages up to the newest when it began (later
 * ones reach the new device as they happen). Messages still being sent are left out (their sent transcripts follow).
 */
public interface HistoryTransferStore {

    /** The newest message's position now (0 when there are none): the top of a transfer that begins now. */
    long newest(Transaction txn) throws StorageException;

    /** How many messages a transfer of everything up to position {@code top} carries. */
    long count(Transaction txn, long top) throws StorageException;

    /**
     * The messages below position {@code below}, newest first, with their conversations, groups, edit versions,
     * reactions and attachment rows: as many as fit {@code maxBytes} encoded ({@link HistoryRowsCodec}), at least one
     * (a message larger than that goes alone, without its edit versions).
     */
    Slice export(Transaction txn, long below, int maxBytes) throws StorageException;

    /**
     * Stores the rows in this profile: a message already here (by id) is skipped with everything hanging on it; a
     * conversation or group already here is kept as it is. Imported messages are placed before every message this
     * profile has, in the slice's order, so a history arriving after live messages still reads oldest to newest.
     */
    Imported importRows(Transaction txn, HistoryRows rows) throws StorageException;

    /**
     * One slice of a transfer.
     *
     * @param lowest the position of its oldest message (the next slice starts below it)
     * @param more   whether older messages remain
     */
    record Slice(HistoryRows rows, long lowest, boolean more) {
    }

    /** What an import kept and what it skipped as already here. */
    record Imported(int imported, int skipped) {
    }
}
