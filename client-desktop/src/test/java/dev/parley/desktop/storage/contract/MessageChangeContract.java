package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationSummary;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageVersion;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.PendingAction;
import dev.parley.desktop.storage.Quote;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue #12: edits keep their versions and the search words follow the current text; deletion erases the text. */
public abstract class MessageChangeContract extends StorageContract {
    private static final ConversationId BOB = ConversationId.direct("bob");
    private static final MessageId M1 = new MessageId("c1");
    private static final MessageId M2 = new MessageId("c2");

    private void store(MessageId id, String body, int second) throws Exception {
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            storage.messages().insertIfAbsent(txn, NewMessage.incoming(id, BOB, "bob", T0.plusSeconds(second),
                    T0.plusSeconds(second + 1), body));
        });
    }

    private Message find(MessageId id) throws Exception {
        return read((Transaction txn) -> storage.messages().find(txn, id)).orElseThrow();
    }

    private List<MessageId> search(String query) throws Exception {
        return read((Transaction txn) -> storage.messages().search(txn, query, Optional.empty(), 10)).stream()
                .map(Message::messageId).toList();
    }

    @Test
    void anEditReplacesTheTextKeepsTheVersionsAndSearchFindsTheCurrentTextOnly() throws Exception {
        store(M1, "lunch at noon", 0);
        assertThat(writeAndGet((Transaction txn) -> storage.changes().edit(txn, M1, "lunch at one", T0.plusSeconds(60)))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.changes().edit(txn, M1, "dinner at seven", T0.plusSeconds(120)))).isTrue();
        Message edited = find(M1);
        assertThat(edited.body()).isEqualTo("dinner at seven");
        assertThat(edited.editCount()).isEqualTo(2);
        assertThat(edited.edited()).isTrue();
        assertThat(read((Transaction txn) -> storage.changes().versions(txn, M1))).containsExactly(
                new MessageVersion("lunch at noon", T0), new MessageVersion("lunch at one", T0.plusSeconds(60)),
                new MessageVersion("dinner at seven", T0.plusSeconds(120)));
        assertThat(search("noon")).isEmpty();
        assertThat(search("lunch")).isEmpty();
        assertThat(search("dinner seven")).containsExactly(M1);
        assertThat(read((Transaction txn) -> storage.changes().versions(txn, M2))).isEmpty();
        assertThat(writeAndGet((Transaction txn) -> storage.changes().edit(txn, M2, "x", T0))).isFalse();
    }

    @Test
    void anUneditedMessageHasOneVersion() throws Exception {
        store(M1, "hello", 0);
        assertThat(read((Transaction txn) -> storage.changes().versions(txn, M1)))
                .containsExactly(new MessageVersion("hello", T0));
        assertThat(find(M1).edited()).isFalse();
    }

    @Test
    void aTombstoneKeepsTheRowButNotTheTextVersionsWordsOrReactions() throws Exception {
        store(M1, "secret plans", 0);
        write((Transaction txn) -> storage.changes().edit(txn, M1, "secret plans revised", T0.plusSeconds(5)));
        write((Transaction txn) -> storage.reactions().put(txn, new Reaction(M1, "alice", "👍", T0)));
        assertThat(writeAndGet((Transaction txn) -> storage.changes().markDeleted(txn, M1))).isTrue();
        Message tombstone = find(M1);
        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.body()).isEmpty();
        assertThat(tombstone.displayText()).isEqualTo(Message.TOMBSTONE_TEXT);
        assertThat(search("secret")).isEmpty();
        assertThat(search("revised")).isEmpty();
        assertThat(read((Transaction txn) -> storage.reactions().of(txn, M1))).isEmpty();
        assertThat(read((Transaction txn) -> storage.changes().versions(txn, M1))).extracting(MessageVersion::body)
                .containsExactly("");
        assertThat(writeAndGet((Transaction txn) -> storage.changes().markDeleted(txn, M1))).isFalse();
        assertThat(writeAndGet((Transaction txn) -> storage.changes().edit(txn, M1, "back", T0.plusSeconds(9))))
                .as("a tombstone cannot be edited").isFalse();
        assertThat(read((Transaction txn) -> storage.messages().page(txn, BOB, Optional.empty(), 10)).messages())
                .extracting(Message::messageId).containsExactly(M1);
    }

    @Test
    void removalTakesTheRowWordsAndReactionsAndTheConversationFollows() throws Exception {
        store(M1, "first words", 0);
        store(M2, "second words", 1);
        write((Transaction txn) -> storage.reactions().put(txn, new Reaction(M2, "alice", "👍", T0)));
        assertThat(writeAndGet((Transaction txn) -> storage.changes().remove(txn, List.of(M2, new MessageId("zz")))))
                .isEqualTo(1);
        assertThat(read((Transaction txn) -> storage.messages().find(txn, M2))).isEmpty();
        assertThat(search("words")).containsExactly(M1);
        assertThat(read((Transaction txn) -> storage.reactions().of(txn, M2))).isEmpty();
        List<ConversationSummary> conversations = read((Transaction txn) -> storage.messages().conversations(txn));
        assertThat(conversations).extracting(s -> s.lastMessage().messageId()).containsExactly(M1);
        assertThat(read((Transaction txn) -> storage.messages().unreadCount(txn, BOB))).isEqualTo(1);
    }

    @Test
    void removeAllTakesEverythingOfASetOfMessagesAndSaysWhatWentByConversation() throws Exception {
        ConversationId carol = ConversationId.direct("carol");
        MessageId m3 = new MessageId("c3");
        MessageId m4 = new MessageId("c4");
        store(M1, "kept words", 0);
        store(M2, "gone words here", 1);
        store(m3, "also gone", 2);
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "carol");
            storage.messages().insertIfAbsent(txn, NewMessage.outgoing(m4, carol, "alice", T0.plusSeconds(3),
                    "gone words for carol"));
            storage.reactions().put(txn, new Reaction(M2, "alice", "👍", T0));
            storage.reactions().put(txn, new Reaction(m4, "carol", "👍", T0));
            storage.changes().edit(txn, m3, "also gone now", T0.plusSeconds(9));
        });
        java.util.Map<ConversationId, List<MessageId>> removed = writeAndGet((Transaction txn) ->
                storage.changes().removeAll(txn, List.of(m4, new MessageId("zz"), m3, M2)));
        assertThat(removed).containsOnlyKeys(BOB, carol);
        assertThat(removed.get(BOB)).containsExactly(m3, M2);
        assertThat(removed.get(carol)).containsExactly(m4);
        assertThat(search("gone")).isEmpty();
        assertThat(search("words")).containsExactly(M1);
        assertThat(read((Transaction txn) -> storage.changes().versions(txn, m3))).isEmpty();
        assertThat(read((Transaction txn) -> storage.reactions().of(txn, M2))).isEmpty();
        assertThat(read((Transaction txn) -> storage.reactions().of(txn, m4))).isEmpty();
        assertThat(read((Transaction txn) -> storage.messages().conversations(txn)))
                .extracting(s -> s.lastMessage().messageId()).containsExactly(M1);
        assertThat(writeAndGet((Transaction txn) -> storage.changes().removeAll(txn, List.of(M2)))).isEmpty();
    }

    /** Neighbours of removed messages keep every word, whichever of them go (runs, gaps, both ends). */
    @Test
    void removingMessagesAroundOthersLeavesTheOthersWordsSearchable() throws Exception {
        List<MessageId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            MessageId id = new MessageId("n" + i);
            ids.add(id);
            store(id, "shared word" + i + (i % 2 == 0 ? " even" : " odd"), i);
        }
        write((Transaction txn) -> storage.changes().edit(txn, ids.get(4), "shared word4 even edited", T0.plusSeconds(9)));
        writeAndGet((Transaction txn) -> storage.changes().removeAll(txn,
                List.of(ids.get(6), ids.get(0), ids.get(2), ids.get(3), ids.get(4))));
        assertThat(search("shared")).containsExactly(ids.get(5), ids.get(1));
        assertThat(search("even")).isEmpty();
        assertThat(search("edited")).isEmpty();
        assertThat(search("odd shared")).containsExactly(ids.get(5), ids.get(1));
        assertThat(search("word5")).containsExactly(ids.get(5));
        assertThat(search("word3")).isEmpty();
    }

    @Test
    void pendingActionsAreTakenOnceInArrivalOrderAndOldOnesDropped() throws Exception {
        assertThat(read((Transaction txn) -> storage.changes().hasPending(txn))).isFalse();
        PendingAction edit = new PendingAction(M1, "bob", PendingAction.Kind.EDIT, "new", T0, T0.plusSeconds(1));
        PendingAction delete = new PendingAction(M1, "bob", PendingAction.Kind.DELETE, null, T0, T0.plusSeconds(2));
        PendingAction old = new PendingAction(M2, "bob", PendingAction.Kind.DELETE, null, T0, T0.minusSeconds(100));
        write((Transaction txn) -> {
            storage.changes().keepPending(txn, edit);
            storage.changes().keepPending(txn, delete);
            storage.changes().keepPending(txn, old);
        });
        assertThat(read((Transaction txn) -> storage.changes().hasPending(txn))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.changes().dropPendingReceivedBefore(txn, T0))).isEqualTo(1);
        assertThat(writeAndGet((Transaction txn) -> storage.changes().takePending(txn, M2))).isEmpty();
        assertThat(writeAndGet((Transaction txn) -> storage.changes().takePending(txn, M1))).containsExactly(edit, delete);
        assertThat(writeAndGet((Transaction txn) -> storage.changes().takePending(txn, M1))).isEmpty();
        assertThat(read((Transaction txn) -> storage.changes().hasPending(txn))).isFalse();
        assertThatThrownBy(() -> new PendingAction(M1, "bob", PendingAction.Kind.EDIT, null, T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReplyKeepsItsQuoteUntilTheOriginalIsDeletedOrRemoved() throws Exception {
        store(M1, "the original words", 0);
        Message original = find(M1);
        MessageId reply1 = new MessageId("r1");
        MessageId reply2 = new MessageId("r2");
        MessageId orphan = new MessageId("r3");
        write((Transaction txn) -> storage.messages().insertAllIfAbsent(txn, List.of(
                NewMessage.outgoing(reply1, BOB, "alice", T0.plusSeconds(5), "reply one").withQuote(Quote.of(original)),
                NewMessage.outgoing(reply2, BOB, "alice", T0.plusSeconds(6), "reply two").withQuote(Quote.of(original)),
                NewMessage.outgoing(orphan, BOB, "alice", T0.plusSeconds(7), "reply three").withQuote(Quote.notFound(M2)))));
        assertThat(find(reply1).quote()).isEqualTo(new Quote(M1, "bob", "the original words"));
        assertThat(find(orphan).quote().found()).isFalse();
        assertThat(find(orphan).quote().displayText()).isEqualTo(Quote.NOT_FOUND_TEXT);
        assertThat(find(M1).replyTo()).isEmpty();

        write((Transaction txn) -> storage.changes().markDeleted(txn, M1));
        assertThat(find(reply1).quote()).isEqualTo(new Quote(M1, "bob", null));
        assertThat(find(reply2).quote().displayText()).isEqualTo(Message.TOMBSTONE_TEXT);
        assertThat(find(reply1).body()).isEqualTo("reply one");

        store(M2, "another original", 10);
        MessageId reply4 = new MessageId("r4");
        Quote ofM2 = Quote.of(find(M2));
        write((Transaction txn) -> storage.messages().insertIfAbsent(txn,
                NewMessage.outgoing(reply4, BOB, "alice", T0.plusSeconds(11), "reply four").withQuote(ofM2)));
        write((Transaction txn) -> storage.changes().remove(txn, List.of(M2)));
        assertThat(find(reply4).quote()).isEqualTo(new Quote(M2, "bob", null));
        assertThat(find(orphan).quote()).as("a quote of a message that never arrived is unchanged").isEqualTo(Quote.notFound(M2));
    }

    @Test
    void aSnippetIsTheStartOfTheTextAndNeverSplitsACharacter() {
        String text = "a".repeat(Quote.MAX_SNIPPET_CHARS - 1) + "😀 and more";
        Message long1 = new Message(new dev.parley.desktop.storage.MessageCursor(1), M1, BOB,
                dev.parley.desktop.storage.Direction.INCOMING, "bob", T0, T0, text,
                dev.parley.desktop.storage.MessageState.DELIVERED, null);
        assertThat(Quote.of(long1).snippet()).isEqualTo("a".repeat(Quote.MAX_SNIPPET_CHARS - 1));
    }

    @Test
    void anEditInAFailedTransactionIsGone() throws Exception {
        store(M1, "original", 0);
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.changes().edit(txn, M1, "changed", T0.plusSeconds(1));
            throw new java.io.IOException("crash before commit");
        })).isInstanceOf(java.io.IOException.class);
        assertThat(find(M1).body()).isEqualTo("original");
        assertThat(search("original")).containsExactly(M1);
        assertThat(read((Transaction txn) -> storage.changes().versions(txn, M1))).hasSize(1);
    }
}
