package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationSummary;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessagePage;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.MessageStore;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.StateUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public abstract class MessageStoreContract extends StorageContract {
    protected static final ConversationId BOB = new ConversationId("bob");
    protected static final ConversationId CAROL = new ConversationId("carol");

    private NewMessage incoming(String id, ConversationId from, String body, int second) {
        return NewMessage.incoming(new MessageId(id), from, from.value(), T0.plusSeconds(second),
                T0.plusSeconds(second + 1), body);
    }

    private NewMessage outgoing(String id, ConversationId to, String body, int second) {
        return NewMessage.outgoing(new MessageId(id), to, "alice", T0.plusSeconds(second), body);
    }

    private boolean insert(NewMessage m) throws Exception {
        return writeAndGet((Transaction txn) -> storage.messages().insertIfAbsent(txn, m));
    }

    @Test
    void sameIdTwiceIsStoredOnce() throws Exception {
        assertThat(insert(incoming("id-1", BOB, "hello there", 1))).isTrue();
        assertThat(insert(incoming("id-1", BOB, "a different body", 2))).isFalse();
        MessagePage page = read((Transaction txn) -> storage.messages().page(txn, BOB, Optional.empty(), 50));
        assertThat(page.messages()).hasSize(1);
        assertThat(page.messages().get(0).body()).isEqualTo("hello there");
        assertThat(read((Transaction txn) -> storage.messages().unreadCount(txn, BOB))).isEqualTo(1);
    }

    @Test
    void storedMessageRoundTrips() throws Exception {
        NewMessage in = incoming("id-1", BOB, "Grüße 👋", 1);
        insert(in);
        Message m = read((Transaction txn) -> storage.messages().find(txn, in.messageId())).orElseThrow();
        assertThat(m.messageId()).isEqualTo(in.messageId());
        assertThat(m.conversationId()).isEqualTo(BOB);
        assertThat(m.direction()).isEqualTo(Direction.INCOMING);
        assertThat(m.sender()).isEqualTo("bob");
        assertThat(m.sentAt()).isEqualTo(in.sentAt());
        assertThat(m.received()).contains(in.receivedAt());
        assertThat(m.body()).isEqualTo("Grüße 👋");
        assertThat(m.state()).isEqualTo(MessageState.DELIVERED);
        assertThat(m.failure()).isEmpty();
        assertThat(m.isUnread()).isTrue();
        insert(outgoing("id-2", BOB, "reply", 2));
        Message out = read((Transaction txn) -> storage.messages().find(txn, new MessageId("id-2"))).orElseThrow();
        assertThat(out.received()).isEmpty();
        assertThat(out.state()).isEqualTo(MessageState.SENDING);
        assertThat(out.cursor().sequence()).isGreaterThan(m.cursor().sequence());
        assertThat(read((Transaction txn) -> storage.messages().find(txn, new MessageId("unknown")))).isEmpty();
    }

    @Test
    void stateMovesForwardOnlyAndLateReceiptsAreIgnored() throws Exception {
        MessageId id = new MessageId("out-1");
        insert(outgoing("out-1", BOB, "hi", 1));
        assertThat(update(id, MessageState.SENT, null)).isEqualTo(StateUpdate.APPLIED);
        assertThat(update(id, MessageState.READ, null)).isEqualTo(StateUpdate.APPLIED);
        assertThat(update(id, MessageState.DELIVERED, null)).isEqualTo(StateUpdate.IGNORED);
        assertThat(update(id, MessageState.SENDING, null)).isEqualTo(StateUpdate.IGNORED);
        assertThat(update(id, MessageState.FAILED, "relay refused")).isEqualTo(StateUpdate.IGNORED);
        assertThat(state(id)).isEqualTo(MessageState.READ);
        assertThat(update(new MessageId("nope"), MessageState.SENT, null)).isEqualTo(StateUpdate.NOT_FOUND);
    }

    @Test
    void failureKeepsItsReasonAndRetryClearsIt() throws Exception {
        MessageId id = new MessageId("out-1");
        insert(outgoing("out-1", BOB, "hi", 1));
        assertThat(update(id, MessageState.FAILED, "recipient unknown")).isEqualTo(StateUpdate.APPLIED);
        Message failed = read((Transaction txn) -> storage.messages().find(txn, id)).orElseThrow();
        assertThat(failed.state()).isEqualTo(MessageState.FAILED);
        assertThat(failed.failure()).contains("recipient unknown");
        assertThat(update(id, MessageState.SENDING, null)).isEqualTo(StateUpdate.APPLIED);
        assertThat(read((Transaction txn) -> storage.messages().find(txn, id)).orElseThrow().failure()).isEmpty();
        assertThatThrownBy(() -> update(id, MessageState.FAILED, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> update(id, MessageState.SENT, "why")).isInstanceOf(IllegalArgumentException.class);
    }

    private StateUpdate update(MessageId id, MessageState s, String reason) throws Exception {
        return writeAndGet((Transaction txn) -> storage.messages().updateState(txn, id, s, reason));
    }

    private MessageState state(MessageId id) throws Exception {
        return read((Transaction txn) -> storage.messages().find(txn, id)).orElseThrow().state();
    }

    @Test
    void pagesAreNewestFirstWithKeysetCursor() throws Exception {
        for (int i = 0; i < 25; i++) {
            insert(incoming("b" + i, BOB, "message " + i, i));
            insert(incoming("c" + i, CAROL, "other " + i, i));
        }
        List<String> seen = new ArrayList<>();
        Optional<MessageCursor> before = Optional.empty();
        int pages = 0;
        do {
            Optional<MessageCursor> cursor = before;
            MessagePage page = read((Transaction txn) -> storage.messages().page(txn, BOB, cursor, 10));
            page.messages().forEach(m -> seen.add(m.messageId().value()));
            before = page.nextBefore();
            pages++;
        } while (before.isPresent());
        assertThat(pages).isEqualTo(3);
        List<String> expected = new ArrayList<>();
        for (int i = 24; i >= 0; i--) {
            expected.add("b" + i);
        }
        assertThat(seen).isEqualTo(expected);
        MessagePage exact = read((Transaction txn) -> storage.messages().page(txn, CAROL, Optional.empty(), 25));
        assertThat(exact.messages()).hasSize(25);
        assertThat(exact.nextBefore()).isEmpty();
        assertThat(read((Transaction txn) -> storage.messages().page(txn, new ConversationId("nobody"), Optional.empty(), 5))
                .messages()).isEmpty();
        assertThatThrownBy(() -> read((Transaction txn) -> storage.messages().page(txn, BOB, Optional.empty(), 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pagesAfterACursorAreOldestFirstAndStopAtTheNewest() throws Exception {
        for (int i = 0; i < 25; i++) {
            insert(incoming("b" + i, BOB, "message " + i, i));
            insert(incoming("c" + i, CAROL, "other " + i, i));
        }
        Message b4 = read((Transaction txn) -> storage.messages().find(txn, new MessageId("b4"))).orElseThrow();
        List<String> seen = new ArrayList<>();
        MessageCursor after = b4.cursor();
        int pages = 0;
        while (true) {
            MessageCursor cursor = after;
            List<Message> page = read((Transaction txn) -> storage.messages().pageAfter(txn, BOB, cursor, 8));
            page.forEach(m -> seen.add(m.messageId().value()));
            pages++;
            if (page.size() < 8) {
                break;
            }
            after = page.get(page.size() - 1).cursor();
        }
        assertThat(pages).isEqualTo(3);
        List<String> expected = new ArrayList<>();
        for (int i = 5; i < 25; i++) {
            expected.add("b" + i);
        }
        assertThat(seen).isEqualTo(expected);
        Message newest = read((Transaction txn) -> storage.messages().find(txn, new MessageId("b24"))).orElseThrow();
        assertThat(read((Transaction txn) -> storage.messages().pageAfter(txn, BOB, newest.cursor(), 5))).isEmpty();
        assertThat(read((Transaction txn) -> storage.messages().pageAfter(txn, new ConversationId("nobody"),
                new MessageCursor(0), 5))).isEmpty();
        assertThatThrownBy(() -> read((Transaction txn) -> storage.messages().pageAfter(txn, BOB, b4.cursor(), 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read((Transaction txn) -> storage.messages().pageAfter(txn, BOB, b4.cursor(),
                MessageStore.MAX_LIMIT + 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pagesAfterACursorFindASparseConversationAmongAMuchBusierOne() throws Exception {
        writeAndGet((Transaction txn) -> {
            int second = 0;
            for (int i = 0; i < 6; i++) {
                storage.messages().insertIfAbsent(txn, incoming("rare" + i, BOB, "rare " + i, second++));
                for (int j = 0; j < 150; j++) {
                    storage.messages().insertIfAbsent(txn, incoming("busy" + i + "-" + j, CAROL, "busy", second++));
                }
            }
            return null;
        });
        Message first = read((Transaction txn) -> storage.messages().find(txn, new MessageId("rare0"))).orElseThrow();
        List<Message> page = read((Transaction txn) -> storage.messages().pageAfter(txn, BOB, first.cursor(), 4));
        assertThat(page).extracting(m -> m.messageId().value()).containsExactly("rare1", "rare2", "rare3", "rare4");
        List<Message> rest = read((Transaction txn) -> storage.messages().pageAfter(txn, BOB,
                page.get(3).cursor(), 4));
        assertThat(rest).extracting(m -> m.messageId().value()).containsExactly("rare5");
    }

    @Test
    void unreadCountsMarkReadAndConversationList() throws Exception {
        insert(incoming("b1", BOB, "one", 1));
        insert(incoming("c1", CAROL, "two", 2));
        insert(incoming("b2", BOB, "three", 3));
        insert(outgoing("o1", CAROL, "four", 4));
        assertThat(read((Transaction txn) -> storage.messages().unreadCount(txn, BOB))).isEqualTo(2);
        List<ConversationSummary> list = read((Transaction txn) -> storage.messages().conversations(txn));
        assertThat(list).extracting(ConversationSummary::conversationId).containsExactly(CAROL, BOB);
        assertThat(list.get(0).lastMessage().messageId()).isEqualTo(new MessageId("o1"));
        assertThat(list.get(0).unreadCount()).isEqualTo(1);
        assertThat(list.get(1).unreadCount()).isEqualTo(2);

        MessageCursor upToB1 = read((Transaction txn) -> storage.messages().find(txn, new MessageId("b1"))).orElseThrow().cursor();
        List<MessageId> changed = writeAndGet((Transaction txn) -> storage.messages().markReadUpTo(txn, BOB, upToB1, 10));
        assertThat(changed).containsExactly(new MessageId("b1"));
        assertThat(read((Transaction txn) -> storage.messages().unreadCount(txn, BOB))).isEqualTo(1);
        assertThat(state(new MessageId("b1"))).isEqualTo(MessageState.READ);
        MessageCursor latest = read((Transaction txn) -> storage.messages().find(txn, new MessageId("o1"))).orElseThrow().cursor();
        assertThat(writeAndGet((Transaction txn) -> storage.messages().markReadUpTo(txn, BOB, latest, 10)))
                .containsExactly(new MessageId("b2"));
        assertThat(writeAndGet((Transaction txn) -> storage.messages().markReadUpTo(txn, BOB, latest, 10))).isEmpty();
        assertThat(read((Transaction txn) -> storage.messages().unreadCount(txn, CAROL))).isEqualTo(1);
    }

    /** #12: marking read goes a page at a time, oldest first, so nothing grows with a long unread backlog. */
    @Test
    void markingReadGoesAPageAtATimeOldestFirst() throws Exception {
        for (int i = 1; i <= 5; i++) {
            insert(incoming("b" + i, BOB, "text " + i, i));
        }
        insert(incoming("c1", CAROL, "other", 6));
        MessageCursor latest = read((Transaction txn) -> storage.messages().find(txn, new MessageId("c1")))
                .orElseThrow().cursor();
        assertThat(writeAndGet((Transaction txn) -> storage.messages().markReadUpTo(txn, BOB, latest, 2)))
                .containsExactly(new MessageId("b1"), new MessageId("b2"));
        assertThat(read((Transaction txn) -> storage.messages().unreadCount(txn, BOB))).isEqualTo(3);
        assertThat(state(new MessageId("b3"))).isNotEqualTo(MessageState.READ);
        assertThat(writeAndGet((Transaction txn) -> storage.messages().markReadUpTo(txn, BOB, latest, 2)))
                .containsExactly(new MessageId("b3"), new MessageId("b4"));
        assertThat(writeAndGet((Transaction txn) -> storage.messages().markReadUpTo(txn, BOB, latest, 2)))
                .containsExactly(new MessageId("b5"));
        assertThat(writeAndGet((Transaction txn) -> storage.messages().markReadUpTo(txn, BOB, latest, 2))).isEmpty();
        assertThat(read((Transaction txn) -> storage.messages().unreadCount(txn, CAROL))).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> writeAndGet((Transaction txn) ->
                storage.messages().markReadUpTo(txn, BOB, latest, MessageStore.MAX_LIMIT + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void searchMatchesAllWordsNewestFirst() throws Exception {
        insert(incoming("m1", BOB, "Let's meet at the Café tomorrow", 1));
        insert(incoming("m2", CAROL, "the cafe was closed", 2));
        insert(outgoing("m3", BOB, "Tomorrow works; which café?", 3));
        insert(incoming("m4", BOB, "cafeteria food", 4));
        assertThat(ids(read((Transaction txn) -> storage.messages().search(txn, "CAFÉ", Optional.empty(), 10))))
                .containsExactly("m3", "m1");
        assertThat(ids(read((Transaction txn) -> storage.messages().search(txn, "tomorrow café", Optional.empty(), 10))))
                .containsExactly("m3", "m1");
        assertThat(ids(read((Transaction txn) -> storage.messages().search(txn, "the", Optional.of(CAROL), 10))))
                .containsExactly("m2");
        assertThat(ids(read((Transaction txn) -> storage.messages().search(txn, "café", Optional.empty(), 1))))
                .containsExactly("m3");
        assertThat(read((Transaction txn) -> storage.messages().search(txn, "café nothing", Optional.empty(), 10))).isEmpty();
        assertThat(read((Transaction txn) -> storage.messages().search(txn, " ;' -- ", Optional.empty(), 10))).isEmpty();
        assertThat(ids(read((Transaction txn) -> storage.messages().search(txn, "let", Optional.empty(), 10))))
                .containsExactly("m1");
    }

    private static List<String> ids(List<Message> messages) {
        List<String> ids = new ArrayList<>();
        messages.forEach(m -> ids.add(m.messageId().value()));
        return ids;
    }

    @Test
    void invalidMessagesAreRejected() {
        assertThatThrownBy(() -> new MessageId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConversationId("x".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outgoing("x", BOB, "y".repeat(NewMessage.MAX_BODY_CHARS + 1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewMessage(new MessageId("x"), BOB, Direction.INCOMING, "bob", T0, null, "b",
                MessageState.DELIVERED)).isInstanceOf(IllegalArgumentException.class);
    }
}
