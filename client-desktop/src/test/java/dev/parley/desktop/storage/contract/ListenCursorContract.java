package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The durable "printed up to" cursor of the CLI's listen (issue 18, item 16). */
public abstract class ListenCursorContract extends StorageContract {
    private static final ConversationId BOB = new ConversationId("bob");
    private static final ConversationId CAROL = new ConversationId("carol");

    private void store(NewMessage... messages) throws Exception {
        write((Transaction txn) -> storage.messages().insertAllIfAbsent(txn, List.of(messages)));
    }

    private static NewMessage in(String id, ConversationId from, int second) {
        return NewMessage.incoming(new MessageId(id), from, from.value(), T0.plusSeconds(second), T0.plusSeconds(second), id);
    }

    private static NewMessage out(String id, ConversationId to, int second) {
        return NewMessage.outgoing(new MessageId(id), to, "me", T0.plusSeconds(second), id);
    }

    private List<String> unprinted(int limit) throws Exception {
        return read((Transaction txn) -> storage.listenCursor().incomingAfter(txn, storage.listenCursor().printedUpTo(txn), limit))
                .stream().map(Message::body).toList();
    }

    @Test
    void aNewProfileHasPrintedNothingAndListsIncomingMessagesOnlyOldestFirst() throws Exception {
        assertThat(read((Transaction txn) -> storage.listenCursor().printedUpTo(txn))).isEqualTo(new MessageCursor(0));
        store(in("b-1", BOB, 1), out("o-1", BOB, 2), in("c-1", CAROL, 3), in("b-2", BOB, 4));
        assertThat(unprinted(10)).containsExactly("b-1", "c-1", "b-2");
        assertThat(unprinted(2)).containsExactly("b-1", "c-1");
    }

    @Test
    void advancingHidesWhatWasPrintedAndNeverMovesBack() throws Exception {
        store(in("b-1", BOB, 1), in("b-2", BOB, 2), in("b-3", BOB, 3));
        List<Message> all = read((Transaction txn) -> storage.listenCursor().incomingAfter(txn, new MessageCursor(0), 10));
        write((Transaction txn) -> storage.listenCursor().advance(txn, all.get(1).cursor()));
        assertThat(unprinted(10)).containsExactly("b-3");
        write((Transaction txn) -> storage.listenCursor().advance(txn, all.get(0).cursor()));
        assertThat(read((Transaction txn) -> storage.listenCursor().printedUpTo(txn))).isEqualTo(all.get(1).cursor());
        store(in("b-4", BOB, 4), in("b-3", BOB, 5));
        assertThat(unprinted(10)).containsExactly("b-3", "b-4");
    }

    @Test
    void anAdvanceInAFailedTransactionIsUndone() throws Exception {
        store(in("b-1", BOB, 1));
        Message first = read((Transaction txn) -> storage.listenCursor().incomingAfter(txn, new MessageCursor(0), 1)).get(0);
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.listenCursor().advance(txn, first.cursor());
            throw new java.io.IOException("crash before commit");
        })).isInstanceOf(java.io.IOException.class);
        assertThat(unprinted(10)).containsExactly("b-1");
        assertThatThrownBy(() -> read((Transaction txn) -> {
            storage.listenCursor().advance(txn, first.cursor());
            return null;
        })).isInstanceOf(StorageException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> read((Transaction txn) -> storage.listenCursor().incomingAfter(txn, new MessageCursor(0), 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
