package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationSummary;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code MessageStore.insertAllIfAbsent}: the batch form of {@code insertIfAbsent} that offline pickup uses. */
public abstract class MessageBatchInsertContract extends StorageContract {
    private static final ConversationId BOB = new ConversationId("bob");
    private static final ConversationId CAROL = new ConversationId("carol");

    private static NewMessage incoming(String id, ConversationId from, String body, int second) {
        return NewMessage.incoming(new MessageId(id), from, from.value(), T0.plusSeconds(second), T0.plusSeconds(second + 1), body);
    }

    @Test
    void returnsExactlyWhatFindReturnsForEachNewMessageInOrder() throws Exception {
        List<NewMessage> batch = List.of(incoming("b-1", BOB, "first words", 1), incoming("c-1", CAROL, "to carol", 2),
                incoming("b-2", BOB, "second words", 3));
        List<Message> stored = writeAndGet((Transaction txn) -> storage.messages().insertAllIfAbsent(txn, batch));
        assertThat(stored).extracting(m -> m.messageId().value()).containsExactly("b-1", "c-1", "b-2");
        for (Message m : stored) {
            assertThat(read((Transaction txn) -> storage.messages().find(txn, m.messageId()))).contains(m);
        }
        assertThat(stored.get(0).cursor().sequence()).isLessThan(stored.get(2).cursor().sequence());
        assertThat(read((Transaction txn) -> storage.messages().search(txn, "second", Optional.empty(), 10)))
                .containsExactly(stored.get(2));
    }

    @Test
    void skipsKnownIdsAndRepeatsWithinTheBatch() throws Exception {
        write((Transaction txn) -> storage.messages().insertIfAbsent(txn, incoming("b-1", BOB, "original", 1)));
        List<Message> stored = writeAndGet((Transaction txn) -> storage.messages().insertAllIfAbsent(txn, List.of(
                incoming("b-1", BOB, "replayed", 2), incoming("b-2", BOB, "new", 3), incoming("b-2", BOB, "repeat", 4))));
        assertThat(stored).extracting(Message::body).containsExactly("new");
        assertThat(read((Transaction txn) -> storage.messages().find(txn, new MessageId("b-1")))).get()
                .extracting(Message::body).isEqualTo("original");
        assertThat(read((Transaction txn) -> storage.messages().unreadCount(txn, BOB))).isEqualTo(2);
        assertThat(writeAndGet((Transaction txn) -> storage.messages().insertAllIfAbsent(txn, List.of()))).isEmpty();
    }

    @Test
    void eachConversationSummaryShowsItsNewestMessageAfterTheBatch() throws Exception {
        List<Message> stored = writeAndGet((Transaction txn) -> storage.messages().insertAllIfAbsent(txn, List.of(
                incoming("c-1", CAROL, "carol first", 1), incoming("b-1", BOB, "bob first", 2),
                incoming("c-2", CAROL, "carol last", 3), incoming("b-2", BOB, "bob last", 4))));
        List<ConversationSummary> conversations = read((Transaction txn) -> storage.messages().conversations(txn));
        assertThat(conversations).extracting(s -> s.lastMessage().body()).containsExactly("bob last", "carol last");
        assertThat(conversations.get(0).lastMessage()).isEqualTo(stored.get(3));
    }

    @Test
    void aFailedTransactionStoresNoneOfTheBatch() throws Exception {
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.messages().insertAllIfAbsent(txn, List.of(incoming("b-1", BOB, "lost", 1)));
            throw new java.io.IOException("crash before commit");
        })).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> read((Transaction txn) -> storage.messages().insertAllIfAbsent(txn,
                List.of(incoming("b-2", BOB, "read-only", 1))))).isInstanceOf(StorageException.class);
        assertThat(readOrFail()).isEmpty();
    }

    private List<ConversationSummary> readOrFail() throws Exception {
        return read((Transaction txn) -> storage.messages().conversations(txn));
    }
}
