package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationMarks;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue #12, mute and archive: marks per conversation, independent of each other, erased with the conversation. */
public abstract class ConversationMarkContract extends StorageContract {
    private static final ConversationId BOB = ConversationId.direct("bob");
    private static final ConversationId CAROL = ConversationId.direct("carol");

    @Test
    void anUnknownConversationCannotBeMarkedAndHasNoMarks() throws Exception {
        assertThat(writeAndGet((Transaction txn) -> storage.conversationMarks().setMuted(txn, BOB, true))).isFalse();
        assertThat(writeAndGet((Transaction txn) -> storage.conversationMarks().setArchived(txn, BOB, true))).isFalse();
        assertThat(read((Transaction txn) -> storage.conversationMarks().marks(txn, BOB))).isEqualTo(ConversationMarks.NONE);
        assertThat(read((Transaction txn) -> storage.conversationMarks().marked(txn))).isEmpty();
    }

    @Test
    void muteAndArchiveAreSetAndClearedIndependently() throws Exception {
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            storage.conversations().direct(txn, "carol");
        });
        assertThat(writeAndGet((Transaction txn) -> storage.conversationMarks().setMuted(txn, BOB, true))).isTrue();
        write((Transaction txn) -> storage.conversationMarks().setArchived(txn, CAROL, true));
        write((Transaction txn) -> storage.conversationMarks().setArchived(txn, BOB, true));
        assertThat(read((Transaction txn) -> storage.conversationMarks().marks(txn, BOB)))
                .isEqualTo(new ConversationMarks(true, true));
        assertThat(read((Transaction txn) -> storage.conversationMarks().marked(txn)))
                .isEqualTo(Map.of(BOB, new ConversationMarks(true, true), CAROL, new ConversationMarks(false, true)));

        write((Transaction txn) -> storage.conversationMarks().setMuted(txn, BOB, false));
        assertThat(read((Transaction txn) -> storage.conversationMarks().marks(txn, BOB)))
                .isEqualTo(new ConversationMarks(false, true));
        write((Transaction txn) -> storage.conversationMarks().setArchived(txn, CAROL, false));
        assertThat(read((Transaction txn) -> storage.conversationMarks().marked(txn))).containsOnlyKeys(BOB);
    }

    @Test
    void aRolledBackMarkIsNotKept() throws Exception {
        write((Transaction txn) -> storage.conversations().direct(txn, "bob"));
        try {
            write((Transaction txn) -> {
                storage.conversationMarks().setMuted(txn, BOB, true);
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(read((Transaction txn) -> storage.conversationMarks().marks(txn, BOB))).isEqualTo(ConversationMarks.NONE);
    }

    @Test
    void erasingTheConversationErasesItsMarks() throws Exception {
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            storage.messages().insertAllIfAbsent(txn, List.of(NewMessage.outgoing(new MessageId("m1"), BOB, "alice", T0, "hi")));
            storage.conversationMarks().setMuted(txn, BOB, true);
            storage.conversationMarks().setArchived(txn, BOB, true);
        });
        write((Transaction txn) -> storage.historyEraser().erase(txn, BOB));
        write((Transaction txn) -> storage.conversations().direct(txn, "bob"));
        assertThat(read((Transaction txn) -> storage.conversationMarks().marks(txn, BOB))).isEqualTo(ConversationMarks.NONE);
        assertThat(read((Transaction txn) -> storage.conversationMarks().marked(txn))).isEmpty();
    }
}
