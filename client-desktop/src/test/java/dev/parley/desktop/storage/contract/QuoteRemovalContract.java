package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Quote;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #12: removing messages clears the snippets replies copied from them and takes their reactions, whatever order
 * replies, originals and reactions come and go in, and over many slices of a removal (the H2 store finds the replies
 * through a table of its own and the reactions through a mark on the message).
 */
public abstract class QuoteRemovalContract extends StorageContract {
    private static final ConversationId BOB = ConversationId.direct("bob");

    private Message find(MessageId id) throws Exception {
        return read((Transaction txn) -> storage.messages().find(txn, id)).orElseThrow();
    }

    private void storeOriginal(MessageId id, String body, int second) throws Exception {
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            storage.messages().insertIfAbsent(txn, NewMessage.incoming(id, BOB, "bob", T0.plusSeconds(second),
                    T0.plusSeconds(second), body));
        });
    }

    private void storeReply(MessageId id, MessageId original, int second) throws Exception {
        Quote quote = Quote.of(find(original));
        write((Transaction txn) -> storage.messages().insertIfAbsent(txn,
                NewMessage.outgoing(id, BOB, "alice", T0.plusSeconds(second), "reply " + id.value()).withQuote(quote)));
    }

    @Test
    void aReplyRemovedFirstOrTogetherWithItsOriginalLeavesTheOtherRepliesCleared() throws Exception {
        MessageId original = new MessageId("q0");
        MessageId gone = new MessageId("q1");
        MessageId tombstone = new MessageId("q2");
        MessageId together = new MessageId("q3");
        MessageId kept = new MessageId("q4");
        storeOriginal(original, "words worth quoting", 0);
        storeReply(gone, original, 1);
        storeReply(tombstone, original, 2);
        storeReply(together, original, 3);
        storeReply(kept, original, 4);
        write((Transaction txn) -> storage.changes().remove(txn, List.of(gone)));
        write((Transaction txn) -> storage.changes().markDeleted(txn, tombstone));
        assertThat(find(tombstone).quote()).as("a deleted reply keeps its quote until the original goes")
                .isEqualTo(new Quote(original, "bob", "words worth quoting"));
        assertThat(writeAndGet((Transaction txn) -> storage.changes().remove(txn, List.of(together, original))))
                .isEqualTo(2);
        assertThat(find(kept).quote()).isEqualTo(new Quote(original, "bob", null));
        assertThat(find(tombstone).quote()).isEqualTo(new Quote(original, "bob", null));
        assertThat(find(tombstone).deleted()).isTrue();
        assertThat(read((Transaction txn) -> storage.messages().find(txn, together))).isEmpty();
    }

    @Test
    void aReplyToAReplyLosesItsSnippetOnlyWhenTheReplyItQuotesGoes() throws Exception {
        MessageId original = new MessageId("p0");
        MessageId reply = new MessageId("p1");
        MessageId replyToReply = new MessageId("p2");
        storeOriginal(original, "first words", 0);
        storeReply(reply, original, 1);
        storeReply(replyToReply, reply, 2);
        write((Transaction txn) -> storage.changes().markDeleted(txn, original));
        assertThat(find(reply).quote().snippet()).isNull();
        assertThat(find(replyToReply).quote()).isEqualTo(new Quote(reply, "alice", "reply p1"));
        write((Transaction txn) -> storage.changes().markDeleted(txn, reply));
        assertThat(find(replyToReply).quote()).isEqualTo(new Quote(reply, "alice", null));
    }

    /**
     * The sweep over more messages than one slice: every expired original's replies lose their snippet, replies that
     * expire with their original go with it, and every reaction of a removed message goes.
     */
    @Test
    void theSweepOverManySlicesClearsEverySnippetAndTakesEveryReaction() throws Exception {
        int originals = 300;
        List<MessageId> expiring = new ArrayList<>();
        List<MessageId> keptReplies = new ArrayList<>();
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            List<NewMessage> batch = new ArrayList<>();
            for (int i = 0; i < originals; i++) {
                MessageId id = new MessageId(String.format("o%04d", i));
                expiring.add(id);
                batch.add(NewMessage.incoming(id, BOB, "bob", T0.plusSeconds(i), T0.plusSeconds(i), "fading " + i));
            }
            storage.messages().insertAllIfAbsent(txn, batch);
        });
        write((Transaction txn) -> {
            List<NewMessage> replies = new ArrayList<>();
            for (int i = 0; i < originals; i += 7) {
                Message original = storage.messages().find(txn, expiring.get(i)).orElseThrow();
                MessageId reply = new MessageId(String.format("k%04d", i));
                keptReplies.add(reply);
                replies.add(NewMessage.outgoing(reply, BOB, "alice", T0.plusSeconds(1_000 + i), "kept")
                        .withQuote(Quote.of(original)));
                if (i % 2 == 0) {
                    MessageId fading = new MessageId(String.format("f%04d", i));
                    expiring.add(fading);
                    replies.add(NewMessage.outgoing(fading, BOB, "alice", T0.plusSeconds(1_000 + i), "fading reply")
                            .withQuote(Quote.of(original)));
                }
            }
            storage.messages().insertAllIfAbsent(txn, replies);
            for (int i = 0; i < expiring.size(); i++) {
                storage.disappearing().expireAt(txn, expiring.get(i), T0.plusSeconds(i));
                if (i % 5 == 0) {
                    storage.reactions().put(txn, new Reaction(expiring.get(i), "bob", "👍", T0));
                }
                if (i % 15 == 0) {
                    storage.reactions().put(txn, new Reaction(expiring.get(i), "carol", "❤️", T0));
                }
            }
        });
        Map<ConversationId, List<MessageId>> removed = writeAndGet((Transaction txn) ->
                storage.changes().removeExpired(txn, T0.plusSeconds(100_000), 1_000));
        assertThat(removed.get(BOB)).containsExactlyInAnyOrderElementsOf(expiring);
        for (MessageId reply : keptReplies) {
            Quote quote = find(reply).quote();
            assertThat(quote.snippet()).as(reply.value()).isNull();
            assertThat(quote.author()).isEqualTo("bob");
        }
        for (int from = 0; from < expiring.size(); from += 500) {
            List<MessageId> part = expiring.subList(from, Math.min(expiring.size(), from + 500));
            assertThat(read((Transaction txn) -> storage.reactions().ofAll(txn, part))).isEmpty();
        }
    }
}
