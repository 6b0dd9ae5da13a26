package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationSummary;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue #12: a deleted conversation is gone for every reader from the commit of {@code erase} on, while its rows are
 * still being removed a page per transaction ({@code eraseSome}); a message that arrives meanwhile starts it again.
 */
public abstract class ConversationErasureContract extends StorageContract {
    private static final ConversationId BOB = ConversationId.direct("bob");
    private static final ConversationId CAROL = ConversationId.direct("carol");
    private static final ConversationId GROUP = new ConversationId("#00112233445566778899aabbccddeeff");

    private List<Message> receive(ConversationId conversation, String sender, String prefix, int count)
            throws Exception {
        return writeAndGet((Transaction txn) -> {
            List<NewMessage> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(NewMessage.incoming(new MessageId(prefix + i), conversation, sender, T0.plusSeconds(i),
                        T0.plusSeconds(i), "harbour " + prefix + " " + i));
            }
            return storage.messages().insertAllIfAbsent(txn, batch);
        });
    }

    private List<String> bodies(ConversationId conversation) throws Exception {
        return read((Transaction txn) -> storage.messages().page(txn, conversation, Optional.empty(), 50).messages())
                .stream().map(Message::body).toList();
    }

    private List<ConversationSummary> listed() throws Exception {
        return read((Transaction txn) -> storage.messages().conversations(txn));
    }

    @Test
    void anErasedConversationIsGoneForEveryReaderBeforeItsRowsGo() throws Exception {
        List<Message> bobs = receive(BOB, "bob", "b0", 4);
        receive(CAROL, "carol", "c0", 1);
        MessageCursor oldest = bobs.get(0).cursor();
        MessageCursor newest = bobs.get(3).cursor();

        assertThat(writeAndGet((Transaction txn) -> storage.historyEraser().erase(txn, BOB))).isEqualTo(4);

        for (int pass = 0; pass < 2; pass++) {
            assertThat(read((Transaction txn) -> storage.messages().find(txn, bobs.get(1).messageId()))).isEmpty();
            assertThat(bodies(BOB)).isEmpty();
            assertThat(read((Transaction txn) -> storage.messages().pageAfter(txn, BOB, oldest, 10))).isEmpty();
            assertThat(read((Transaction txn) -> storage.messages().search(txn, "harbour", Optional.empty(), 10)))
                    .extracting(Message::conversationId).containsExactly(CAROL);
            assertThat(read((Transaction txn) -> storage.messages().search(txn, "harbour", Optional.of(BOB), 10)))
                    .isEmpty();
            assertThat(read((Transaction txn) -> storage.messages().unreadCount(txn, BOB))).isZero();
            assertThat(listed()).extracting(ConversationSummary::conversationId).containsExactly(CAROL);
            assertThat(listed().get(0).unreadCount()).isEqualTo(1);
            assertThat(read((Transaction txn) -> storage.listenCursor().incomingAfter(txn, new MessageCursor(0), 10)))
                    .extracting(Message::conversationId).containsExactly(CAROL);
            assertThat(writeAndGet((Transaction txn) -> storage.messages().markReadUpTo(txn, BOB, newest, 10)))
                    .as("no read receipt for a message the user deleted").isEmpty();
            finishErasing(3);         // the second pass checks the same after the rows went
        }
    }

    @Test
    void aMessageArrivingWhileTheErasePendsStartsTheConversationAgainAndStays() throws Exception {
        receive(BOB, "bob", "b0", 5);
        write((Transaction txn) -> storage.historyEraser().erase(txn, BOB));
        receive(BOB, "bob", "b1", 1);

        assertThat(bodies(BOB)).containsExactly("harbour b1 0");
        assertThat(read((Transaction txn) -> storage.messages().unreadCount(txn, BOB))).isEqualTo(1);
        assertThat(listed()).singleElement().satisfies(s -> {
            assertThat(s.lastMessage().body()).isEqualTo("harbour b1 0");
            assertThat(s.unreadCount()).isEqualTo(1);
        });
        finishErasing(2);
        assertThat(bodies(BOB)).containsExactly("harbour b1 0");
        assertThat(read((Transaction txn) -> storage.messages().search(txn, "harbour", Optional.empty(), 10)))
                .extracting(Message::body).containsExactly("harbour b1 0");
        assertThat(listed()).singleElement().satisfies(s -> assertThat(s.lastMessage().body()).isEqualTo("harbour b1 0"));
    }

    @Test
    void erasingAgainWhileTheFirstErasePendsTakesTheNewerMessagesToo() throws Exception {
        receive(BOB, "bob", "b0", 3);
        assertThat(writeAndGet((Transaction txn) -> storage.historyEraser().erase(txn, BOB))).isEqualTo(3);
        receive(BOB, "bob", "b1", 2);
        assertThat(writeAndGet((Transaction txn) -> storage.historyEraser().erase(txn, BOB))).isEqualTo(2);
        assertThat(bodies(BOB)).isEmpty();
        finishErasing(1);
        assertThat(bodies(BOB)).isEmpty();
        assertThat(listed()).isEmpty();
        assertThat(read((Transaction txn) -> storage.messages().search(txn, "harbour", Optional.empty(), 10)))
                .isEmpty();
    }

    /** A group the user stays in keeps an empty record; no page removed may make an erased message its newest. */
    @Test
    void aKeptEmptyGroupRecordNeverShowsAnErasedMessage() throws Exception {
        write((Transaction txn) -> storage.conversations().group(txn, GROUP));
        receive(GROUP, "carol", "g0", 4);
        write((Transaction txn) -> {
            storage.historyEraser().erase(txn, GROUP);
            storage.conversations().group(txn, GROUP);
        });
        for (int page = 0; page < 5; page++) {
            write((Transaction txn) -> storage.historyEraser().eraseSome(txn, 1));
            assertThat(listed()).isEmpty();
        }
        assertThat(read((Transaction txn) -> storage.conversations().find(txn, GROUP))).isPresent();
        receive(GROUP, "carol", "g1", 1);
        assertThat(listed()).singleElement().satisfies(s -> assertThat(s.lastMessage().body()).isEqualTo("harbour g1 0"));
    }
}
