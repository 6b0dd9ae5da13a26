package dev.parley.desktop.storage;

import java.util.function.BooleanSupplier;

/**
 * Removes what is left of deleted conversations ({@link HistoryEraser}), {@value #PAGE} messages per committed
 * transaction until none is pending, so neither the heap nor the database connection is held for a whole
 * conversation and other transactions take their turn between two pages. Used by the sweeper after every unlock, by
 * a backup before it reads the profile, and when a device is wiped.
 */
public final class ErasedHistoryPages {
    /** Messages removed per transaction. */
    public static final int PAGE = 500;

    private ErasedHistoryPages() {
    }

    /**
     * Removes pages until no erase is pending, asking {@code keepGoing} before each (a profile being locked stops after
     * the page in progress).
     *
     * @return how many messages went
     */
    public static int removePending(Storage storage, BooleanSupplier keepGoing) throws StorageException {
        int removed = 0;
        HistoryEraser.Progress step;
        do {
            if (!keepGoing.getAsBoolean()) {
                return removed;
            }
            step = storage.transactions().transactionWithResult(false, txn -> storage.historyEraser().eraseSome(txn, PAGE));
            removed += step.removed();
        } while (!step.finished());
        return removed;
    }
}
