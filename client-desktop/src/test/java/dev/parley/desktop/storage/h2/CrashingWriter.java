package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import java.nio.file.Path;
import java.time.Instant;

/** Run in a child JVM by {@link H2StorageDurabilityTest}: commits one message, then dies without closing anything. */
public final class CrashingWriter {
    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        H2Storage storage = H2Storage.open(Path.of(args[0]), TestKeys.key(1), EventPublisher.NONE);
        storage.transactions().transaction(false, txn -> storage.messages().insertIfAbsent(txn,
                NewMessage.incoming(new MessageId(args[1]), new ConversationId("bob"), "bob",
                        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:01Z"), "hi")));
        Runtime.getRuntime().halt(0);
    }
}
