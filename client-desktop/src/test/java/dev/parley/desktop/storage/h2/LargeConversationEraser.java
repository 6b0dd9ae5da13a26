package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ErasedHistoryPages;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.HistoryEraser;
import dev.parley.desktop.storage.Storage;
import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap by {@link LargeConversationEraseTest} and {@link InterruptedEraseTest}: opens
 * the profile {@code args[0]} and erases the conversation {@code args[1]}, printing a line after each commit:
 * "hidden N" once the conversation is gone for readers, "removed N" after each page of rows, "erased N" at the end.
 * {@code args[2]} is the mode: {@code paged} erases as the app does (hidden in one transaction, then
 * {@value #PAGE} rows per transaction, waiting {@code args[3]} ms after each), {@code single} does the same steps in
 * one transaction, as the eraser did before pages were committed one by one (for comparing the two: at a given heap,
 * or killed in the middle).
 */
public final class LargeConversationEraser {
    /** The app's page ({@link ErasedHistoryPages#PAGE}). */
    static final int PAGE = ErasedHistoryPages.PAGE;

    private LargeConversationEraser() {
    }

    public static void main(String[] args) throws Exception {
        ConversationId conversation = new ConversationId(args[1]);
        long pause = args.length > 3 ? Long.parseLong(args[3]) : 0;
        try (H2Storage storage = H2Storage.open(Path.of(args[0]), TestKeys.key(1), EventPublisher.NONE)) {
            if ("single".equals(args[2])) {
                int erased = storage.transactions().transactionWithResult(false, txn -> {
                    int hidden = storage.historyEraser().erase(txn, conversation);
                    System.out.println("hidden " + hidden + " (not committed)");
                    int removed = 0;
                    HistoryEraser.Progress step;
                    do {        // every page in this one transaction
                        step = storage.historyEraser().eraseSome(txn, PAGE);
                        removed += step.removed();
                        System.out.println("removed " + removed + " (not committed)");
                        Thread.sleep(pause);
                    } while (!step.finished());
                    return hidden;
                });
                System.out.println("erased " + erased);
                return;
            }
            long start = System.nanoTime();
            int hidden = storage.transactions().transactionWithResult(false,
                    txn -> storage.historyEraser().erase(txn, conversation));
            System.out.println("hidden " + hidden + " in " + millis(start) + " ms");
            int erased = 0;
            long longest = 0;
            HistoryEraser.Progress step;
            do {
                long pageStart = System.nanoTime();
                step = page(storage);
                longest = Math.max(longest, millis(pageStart));
                erased += step.removed();
                System.out.println("removed " + erased + " (" + millis(pageStart) + " ms)");
                Thread.sleep(pause);
            } while (!step.finished());
            System.out.println("erased " + erased + " in " + millis(start) + " ms, longest page " + longest + " ms");
        }
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static HistoryEraser.Progress page(Storage storage) throws Exception {
        return storage.transactions().transactionWithResult(false, txn -> storage.historyEraser().eraseSome(txn, PAGE));
    }
}
