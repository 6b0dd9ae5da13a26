package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap by {@link LargeConversationEraseTest}: opens the profile {@code args[0]} and
 * erases the conversation {@code args[1]}, then prints how many messages went.
 */
public final class LargeConversationEraser {
    private LargeConversationEraser() {
    }

    public static void main(String[] args) throws Exception {
        try (H2Storage storage = H2Storage.open(Path.of(args[0]), TestKeys.key(1), EventPublisher.NONE)) {
            int erased = storage.transactions().transactionWithResult(false,
                    txn -> storage.historyEraser().erase(txn, new ConversationId(args[1])));
            System.out.println("erased " + erased);
        }
    }
}
