package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue #14: the blocked list and erasing a whole conversation. */
public abstract class PeopleContract extends StorageContract {
    private static final ConversationId BOB = ConversationId.direct("bob");
    private static final ConversationId CAROL = ConversationId.direct("carol");

    @Test
    void blockingIsRecordedOnceAndUndone() throws Exception {
        assertThat(writeAndGet((Transaction txn) -> storage.blocked().block(txn, "mallory", T0))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.blocked().block(txn, "mallory", T0.plusSeconds(1)))).isFalse();
        write((Transaction txn) -> storage.blocked().block(txn, "eve", T0));
        assertThat(read((Transaction txn) -> storage.blocked().list(txn))).containsExactly("eve", "mallory");
        assertThat(read((Transaction txn) -> storage.blocked().isBlocked(txn, "mallory"))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.blocked().unblock(txn, "mallory"))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.blocked().unblock(txn, "mallory"))).isFalse();
        assertThat(read((Transaction txn) -> storage.blocked().isBlocked(txn, "mallory"))).isFalse();
        assertThat(read((Transaction txn) -> storage.blocked().list(txn))).containsExactly("eve");
    }

    @Test
    void aBlockInAFailedTransactionIsGone() throws Exception {
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.blocked().block(txn, "mallory", T0);
            throw new java.io.IOException("crash before commit");
        })).isInstanceOf(java.io.IOException.class);
        assertThat(read((Transaction txn) -> storage.blocked().list(txn))).isEmpty();
    }

    @Test
    void erasingAConversationDeletesItsMessagesSearchWordsReactionsAndRecordOnly() throws Exception {
        MessageId fromBob = new MessageId("b0b1");
        MessageId toBob = new MessageId("b0b2");
        MessageId fromCarol = new MessageId("ca01");
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            storage.conversations().direct(txn, "carol");
            storage.messages().insertAllIfAbsent(txn, List.of(
                    NewMessage.incoming(fromBob, BOB, "bob", T0, T0, "secret pineapple plan"),
                    NewMessage.outgoing(toBob, BOB, "alice", T0.plusSeconds(1), "pineapple agreed"),
                    NewMessage.incoming(fromCarol, CAROL, "carol", T0, T0, "pineapple for carol")));
            storage.reactions().put(txn, new Reaction(fromBob, "alice", "👍", T0));
            storage.reactions().put(txn, new Reaction(fromCarol, "alice", "👍", T0));
        });

        assertThat(writeAndGet((Transaction txn) -> storage.historyEraser().erase(txn, BOB))).isEqualTo(2);

        // hidden at once, before any of its rows went
        assertThat(read((Transaction txn) -> storage.messages().find(txn, fromBob))).isEmpty();
        assertThat(read((Transaction txn) -> storage.messages().page(txn, BOB, Optional.empty(), 10).messages())).isEmpty();
        assertThat(read((Transaction txn) -> storage.messages().search(txn, "pineapple", Optional.empty(), 10)))
                .extracting(Message::messageId).containsExactly(fromCarol);
        assertThat(read((Transaction txn) -> storage.conversations().find(txn, BOB))).isEmpty();
        assertThat(read((Transaction txn) -> storage.conversations().find(txn, CAROL))).isPresent();
        assertThat(read((Transaction txn) -> storage.messages().conversations(txn)))
                .extracting(s -> s.conversationId()).containsExactly(CAROL);
        assertThat(writeAndGet((Transaction txn) -> storage.historyEraser().erase(txn, BOB))).isZero();
        finishErasing(1);
        assertThat(read((Transaction txn) -> storage.reactions().of(txn, fromBob))).isEmpty();
        assertThat(read((Transaction txn) -> storage.reactions().of(txn, fromCarol))).hasSize(1);
        assertThat(read((Transaction txn) -> storage.messages().search(txn, "pineapple", Optional.empty(), 10)))
                .extracting(Message::messageId).containsExactly(fromCarol);
    }

    @Test
    void anErasedConversationCanStartAgain() throws Exception {
        write((Transaction txn) -> storage.messages().insertAllIfAbsent(txn,
                List.of(NewMessage.incoming(new MessageId("b0b1"), BOB, "bob", T0, T0, "first"))));
        write((Transaction txn) -> storage.historyEraser().erase(txn, BOB));
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            storage.messages().insertAllIfAbsent(txn,
                    List.of(NewMessage.incoming(new MessageId("b0b3"), BOB, "bob", T0, T0, "again")));
        });
        assertThat(read((Transaction txn) -> storage.messages().page(txn, BOB, Optional.empty(), 10).messages()))
                .extracting(Message::body).containsExactly("again");
        finishErasing(1);
        assertThat(read((Transaction txn) -> storage.messages().page(txn, BOB, Optional.empty(), 10).messages()))
                .extracting(Message::body).containsExactly("again");
    }

    @Test
    void erasingAConversationLeavesNoEarlierTextsOrFileKeys() throws Exception {
        MessageId edited = new MessageId("b0e1");
        MessageId withFile = new MessageId("b0f1");
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            storage.messages().insertAllIfAbsent(txn, List.of(NewMessage.incoming(edited, BOB, "bob", T0, T0, "first text"),
                    NewMessage.incoming(withFile, BOB, "bob", T0, T0, "a file")));
            storage.changes().edit(txn, edited, "second text", T0.plusSeconds(5));
            storage.attachments().insertIfAbsent(txn, new dev.parley.desktop.storage.Attachment(withFile,
                    AttachmentContract.pointer(1, "holiday.png"), dev.parley.desktop.storage.AttachmentState.AVAILABLE));
        });
        assertThat(read((Transaction txn) -> storage.changes().versions(txn, edited))).isNotEmpty();

        eraseWhole(BOB, 1);

        assertThat(read((Transaction txn) -> storage.changes().versions(txn, edited))).isEmpty();
        assertThat(read((Transaction txn) -> storage.attachments().find(txn, withFile))).isEmpty();
    }
}
