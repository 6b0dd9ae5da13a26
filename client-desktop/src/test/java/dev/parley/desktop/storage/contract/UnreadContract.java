package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationSummary;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue #12: unread counts follow every change of a message's unread state (arrival, a state change to READ, "mark
 * read up to", removal), per conversation; the H2 store keeps a row per unread message only.
 */
public abstract class UnreadContract extends StorageContract {
    private static final ConversationId BOB = ConversationId.direct("bob");
    private static final ConversationId CAROL = ConversationId.direct("carol");

    private Map<ConversationId, Integer> counts() throws Exception {
        return read((Transaction txn) -> storage.messages().conversations(txn)).stream()
                .collect(Collectors.toMap(ConversationSummary::conversationId, ConversationSummary::unreadCount));
    }

    private int unread(ConversationId conversation) throws Exception {
        return read((Transaction txn) -> storage.messages().unreadCount(txn, conversation));
    }

    @Test
    void countsFollowArrivalStateChangesMarkingReadAndRemoval() throws Exception {
        List<NewMessage> fromBob = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            fromBob.add(NewMessage.incoming(new MessageId(String.format("u%03d", i)), BOB, "bob", T0.plusSeconds(i),
                    T0.plusSeconds(i), "hello " + i));
        }
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            storage.conversations().direct(txn, "carol");
            storage.messages().insertAllIfAbsent(txn, fromBob);
            storage.messages().insertAllIfAbsent(txn, List.of(
                    NewMessage.incoming(new MessageId("c1"), CAROL, "carol", T0, T0, "from carol"),
                    NewMessage.outgoing(new MessageId("c2"), CAROL, "alice", T0.plusSeconds(1), "to carol")));
        });
        assertThat(counts()).containsEntry(BOB, 150).containsEntry(CAROL, 1);

        write((Transaction txn) -> {
            storage.messages().updateState(txn, new MessageId("u010"), MessageState.READ, null);
            storage.messages().updateState(txn, new MessageId("c2"), MessageState.DELIVERED, null);
            storage.messages().updateState(txn, new MessageId("c2"), MessageState.READ, null);
        });
        assertThat(unread(BOB)).isEqualTo(149);
        assertThat(unread(CAROL)).as("an outgoing message is never unread").isEqualTo(1);

        Message upTo = read((Transaction txn) -> storage.messages().find(txn, new MessageId("u099"))).orElseThrow();
        List<MessageId> marked = writeAndGet((Transaction txn) ->
                storage.messages().markReadUpTo(txn, BOB, upTo.cursor(), 500));
        List<MessageId> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            if (i != 10) {
                expected.add(new MessageId(String.format("u%03d", i)));
            }
        }
        assertThat(marked).as("oldest first, each once").containsExactlyElementsOf(expected);
        assertThat(unread(BOB)).isEqualTo(50);
        assertThat(read((Transaction txn) -> storage.messages().find(txn, new MessageId("u050"))).orElseThrow().state())
                .isEqualTo(MessageState.READ);
        assertThat(writeAndGet((Transaction txn) -> storage.messages().markReadUpTo(txn, BOB, upTo.cursor(), 500)))
                .isEmpty();

        assertThat(writeAndGet((Transaction txn) -> storage.changes().remove(txn,
                List.of(new MessageId("u000"), new MessageId("u120"), new MessageId("u149"), new MessageId("c1")))))
                .isEqualTo(4);
        assertThat(unread(BOB)).isEqualTo(48);
        assertThat(unread(CAROL)).isZero();
        assertThat(counts()).containsEntry(BOB, 48).containsEntry(CAROL, 0);
    }
}
