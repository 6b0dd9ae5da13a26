package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.SecretNamespace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * Run in a child JVM by {@link H2StorageDurabilityTest}: write-heavy transactions (large messages, session records
 * rewritten in place, state updates),
 * then dies without closing anything right after the commit of message {@code args[1]}.
 */
public final class ChurningWriter {
    private ChurningWriter() {
    }

    public static void main(String[] args) throws Exception {
        H2Storage storage = H2Storage.open(Path.of(args[0]), TestKeys.key(1), EventPublisher.NONE);
        int last = Integer.parseInt(args[1]);
        Random random = new Random(last);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i <= last; i++) {
            int n = i;
            String body = "x".repeat(2_000 + random.nextInt(8_000));
            byte[][] sessions = new byte[5][];
            for (int k = 0; k < sessions.length; k++) {
                sessions[k] = new byte[2_000 + random.nextInt(8_000)];
                random.nextBytes(sessions[k]);
            }
            storage.transactions().transaction(false, txn -> {
                // Session records rewritten in place, as the ratchet does with every message.
                for (int k = 0; k < sessions.length; k++) {
                    storage.secrets().put(txn, SecretNamespace.SESSIONS, "peer" + random.nextInt(50), sessions[k]);
                }
                storage.messages().insertIfAbsent(txn, NewMessage.outgoing(new MessageId("m" + n),
                        new ConversationId("bob"), "alice", t.plusSeconds(n), body));
                if (n > 5) {
                    storage.messages().updateState(txn, new MessageId("m" + (n - 5)), MessageState.SENT, null);
                }
            });
        }
        Runtime.getRuntime().halt(0);
    }
}
