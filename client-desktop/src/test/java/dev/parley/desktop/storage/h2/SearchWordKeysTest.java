package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.SearchTokenizer;
import dev.parley.desktop.storage.Transaction;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * V80's search word keys ({@link SearchWordKeys}): the stored format (hash, key layout, tokenizer) is pinned, a word
 * that only shares a hash with the query's is never returned, and deleting, sweeping, erasing and editing a message
 * leave no key of its old words: after every test the table holds exactly the keys of the current texts' words. One
 * profile for the class; each test uses its own conversation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchWordKeysTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    /** Two real-looking words whose 23-bit hashes are equal (found by search; asserted below). */
    private static final String WORD_A = "lonemi";
    private static final String WORD_B = "guhilolo";

    private H2Storage storage;
    private int next;

    @BeforeAll
    void open(@TempDir Path dir) throws Exception {
        storage = H2Storage.create(dir.resolve("data"), TestKeys.key(1), EventPublisher.NONE);
    }

    @AfterAll
    void close() {
        storage.close();
    }

    @AfterEach
    void theKeysAreExactlyThoseOfTheCurrentTexts() throws Exception {
        TreeSet<Long> expected = new TreeSet<>();
        for (String row : DatabaseSurgery.rows(storage,
                "SELECT seq, body FROM messages WHERE kind = 'TEXT' AND deleted = FALSE")) {
            String[] parts = row.split("\t", 2);
            for (long k : SearchWordKeys.keys(Long.parseLong(parts[0]), parts[1])) {
                expected.add(k);
            }
        }
        List<Long> stored = DatabaseSurgery.rows(storage, "SELECT k FROM message_word_keys ORDER BY k").stream()
                .map(Long::parseLong).toList();
        assertThat(stored).containsExactlyElementsOf(expected);
    }

    @Test
    void theHashAndTheKeyLayoutAreTheStoredFormat() {
        // pinned: changing either would orphan every stored key (a migration must rebuild the table)
        assertThat(SearchWordKeys.hash("coffee")).isEqualTo(7_853_281L);
        assertThat(SearchWordKeys.hash("hello")).isEqualTo(7_660_209L);
        assertThat(SearchWordKeys.hash("walrus")).isEqualTo(8_214_897L);
        assertThat(SearchWordKeys.hash("ünïcode")).isLessThan(1L << SearchWordKeys.HASH_BITS).isNotNegative();
        long h = SearchWordKeys.hash("coffee");
        assertThat(SearchWordKeys.key(h, 5)).as("newer messages first in a word's range")
                .isLessThan(SearchWordKeys.key(h, 4)).isGreaterThanOrEqualTo(SearchWordKeys.rangeStart(h));
        assertThat(SearchWordKeys.key(h, SearchWordKeys.MIN_SEQ)).isLessThan(SearchWordKeys.rangeStart(h + 1));
        assertThat(SearchWordKeys.key(h, SearchWordKeys.MAX_SEQ)).isEqualTo(SearchWordKeys.rangeStart(h));
        for (long seq : new long[] {0, 1, -1, 123_456_789, SearchWordKeys.MIN_SEQ, SearchWordKeys.MAX_SEQ}) {
            assertThat(SearchWordKeys.seq(SearchWordKeys.key(h, seq))).isEqualTo(seq);
        }
        assertThatThrownBy(() -> SearchWordKeys.key(h, SearchWordKeys.MAX_SEQ + 1))
                .isInstanceOf(IllegalStateException.class);
        assertThat(SearchWordKeys.hash(WORD_A)).isEqualTo(SearchWordKeys.hash(WORD_B));
    }

    /** The keys of an old body are recomputed from it when it goes: the tokenizer's output is part of the format. */
    @Test
    void theTokenizerIsStable() {
        assertThat(SearchTokenizer.tokens("Ｃoffee at 8? CAFÉ, café; Straße x ﬁne "
                + "a-very-long-wordthatgoesonandonandonforeverandever 12 tonight!"))
                .containsExactly("coffee", "at", "café", "straße", "fine", "very",
                        "long", "wordthatgoesonandonandonforevera", "12", "tonight");
    }

    @Test
    void wordsThatOnlyShareAHashAreNoMatch() throws Exception {
        ConversationId chat = chat();
        MessageId a = store(chat, "meet at the " + WORD_A);
        MessageId b = store(chat, "meet at the " + WORD_B);
        MessageId both = store(chat, WORD_A + " and " + WORD_B);
        assertThat(search(WORD_A, chat)).containsExactly(both, a);
        assertThat(search(WORD_B, chat)).containsExactly(both, b);
        assertThat(search("meet " + WORD_B, chat)).containsExactly(b);
        assertThat(search(WORD_A + " " + WORD_B, chat)).containsExactly(both);
        // one key for the two words of one message that share a hash
        assertThat(keysOf(both, WORD_A + " and " + WORD_B)).hasSize(2);
    }

    @Test
    void searchPagesPastCandidatesOfOtherConversations() throws Exception {
        ConversationId mine = chat();
        ConversationId other = chat();
        MessageId old = store(mine, "quarterly report");
        for (int i = 0; i < 40; i++) {
            store(other, "quarterly report " + i);
        }
        assertThat(search("report quarterly", mine)).containsExactly(old);
        List<Message> three = read(txn -> storage.messages().search(txn, "quarterly", Optional.empty(), 3));
        assertThat(three).hasSize(3);
    }

    @Test
    void aDeletedMessageLeavesNoKeyOfItsWords() throws Exception {
        ConversationId chat = chat();
        MessageId id = store(chat, "secret plans for friday");
        MessageId kept = store(chat, "plans for saturday");
        assertThat(presentKeys(id, "secret plans for friday")).isEqualTo(4);
        write(txn -> storage.changes().markDeleted(txn, id));
        assertThat(presentKeys(id, "secret plans for friday")).isZero();
        assertThat(search("plans", chat)).containsExactly(kept);
    }

    @Test
    void anEditedMessageKeepsOnlyTheKeysOfItsCurrentText() throws Exception {
        ConversationId chat = chat();
        MessageId id = store(chat, "lunch at noon");
        write(txn -> storage.changes().edit(txn, id, "dinner at seven", T0.plusSeconds(60)));
        assertThat(presentKeys(id, "lunch noon")).isZero();
        assertThat(presentKeys(id, "dinner at seven")).isEqualTo(3);
        write(txn -> storage.changes().edit(txn, id, "dinner at eight", T0.plusSeconds(90)));
        assertThat(presentKeys(id, "seven")).isZero();
        assertThat(search("dinner eight", chat)).containsExactly(id);
        assertThat(search("lunch", chat)).isEmpty();
    }

    @Test
    void removedAndSweptMessagesLeaveNoKeyOfTheirWords() throws Exception {
        ConversationId chat = chat();
        List<MessageId> ids = new ArrayList<>();
        List<long[]> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(store(chat, "batch word" + i + " shared"));
            keys.add(keysOf(ids.get(i), "batch word" + i + " shared"));
        }
        write(txn -> storage.changes().removeAll(txn, List.of(ids.get(0), ids.get(2))));
        write(txn -> {
            storage.disappearing().expireAt(txn, ids.get(3), T0.plusSeconds(5));
            storage.disappearing().expireAt(txn, ids.get(4), T0.plusSeconds(6));
        });
        write(txn -> storage.changes().removeExpired(txn, T0.plusSeconds(10), 100));
        for (int i : new int[] {0, 2, 3, 4}) {
            assertThat(present(keys.get(i))).isZero();
        }
        assertThat(present(keys.get(1))).isEqualTo(3);
        assertThat(search("shared batch", chat)).containsExactly(ids.get(5), ids.get(1));
    }

    /**
     * The sweep deletes a word's keys as one range per run of removed positions ({@link RemovedWordKeys}): messages of
     * another conversation between them, holding the same words, keep theirs (and the after-each check sees every
     * key of the swept ones gone).
     */
    @Test
    void rangesOverSweptRunsSpareTheMessagesBetweenThem() throws Exception {
        ConversationId gone = chat();
        ConversationId stays = chat();
        List<MessageId> expiring = new ArrayList<>();
        List<MessageId> staying = interleave("ggsgggssgg", gone, stays, expiring);
        write(txn -> {
            for (MessageId id : expiring) {
                storage.disappearing().expireAt(txn, id, T0.plusSeconds(1));
            }
        });
        write(txn -> storage.changes().removeExpired(txn, T0.plusSeconds(10), 100));
        assertThat(search("shared range", gone)).isEmpty();
        assertThat(search("shared range", stays)).containsExactlyElementsOf(newestFirst(staying));
    }

    /** Past the staying positions read ({@code survivorsRead}), every gap between removed messages cuts the run. */
    @Test
    void pastTheStayingPositionsReadEveryGapCutsTheRun() throws Exception {
        ConversationId gone = chat();
        ConversationId stays = chat();
        List<MessageId> removed = new ArrayList<>();
        List<MessageId> staying = interleave("gsgsggsgsg", gone, stays, removed);
        write(txn -> {
            java.sql.Connection c = H2Transaction.connection(txn, storage.manager(), true);
            RemovedWordKeys keys = new RemovedWordKeys(removed.size(), 1);
            List<String> seqs = new ArrayList<>();
            for (MessageId id : removed) {
                Message m = storage.messages().find(txn, id).orElseThrow();
                keys.add(m.cursor().sequence(), m.body());
                seqs.add(Long.toString(m.cursor().sequence()));
            }
            try (java.sql.Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM messages WHERE seq IN (" + String.join(", ", seqs) + ")");
            }
            keys.delete(c);
        });
        assertThat(search("shared range", stays)).containsExactlyElementsOf(newestFirst(staying));
        assertThatThrownBy(() -> new RemovedWordKeys(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<MessageId> newestFirst(List<MessageId> oldestFirst) {
        List<MessageId> out = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    /** Stores a message per letter ({@code g} in {@code gone}, {@code s} in {@code stays}), the same words in each. */
    private List<MessageId> interleave(String pattern, ConversationId gone, ConversationId stays,
                                       List<MessageId> inGone) throws Exception {
        List<MessageId> inStays = new ArrayList<>();
        for (char kind : pattern.toCharArray()) {
            if (kind == 'g') {
                inGone.add(store(gone, "shared range words w" + inGone.size()));
            } else {
                inStays.add(store(stays, "shared range words s" + inStays.size()));
            }
        }
        return inStays;
    }

    @Test
    void anErasedConversationLeavesNoKeyOfItsWords() throws Exception {
        ConversationId chat = chat();
        ConversationId other = chat();
        MessageId gone = store(chat, "erase these words");
        MessageId kept = store(other, "keep these words");
        write(txn -> storage.historyEraser().erase(txn, chat));
        assertThat(DatabaseSurgery.rows(storage, "SELECT COUNT(*) FROM message_word_keys WHERE k IN ("
                + String.join(", ", Arrays.stream(SearchWordKeys.keys(seqOf(kept), "keep these words"))
                .mapToObj(Long::toString).toList()) + ")")).containsExactly("3");
        assertThat(search("words", other)).containsExactly(kept);
        List<Message> erased = read(txn -> storage.messages().search(txn, "erase", Optional.empty(), 10));
        assertThat(erased).isEmpty();
        assertThat(gone).isNotNull();
    }

    private ConversationId chat() throws Exception {
        String peer = "c" + (next++);
        return storage.transactions().transactionWithResult(false, txn -> storage.conversations().direct(txn, peer).id());
    }

    private MessageId store(ConversationId chat, String body) throws Exception {
        MessageId id = new MessageId("m" + (next++));
        Instant at = T0.plusSeconds(next);
        write(txn -> storage.messages().insertIfAbsent(txn,
                NewMessage.incoming(id, chat, "bob", at, at.plusSeconds(1), body)));
        return id;
    }

    private List<MessageId> search(String query, ConversationId within) throws Exception {
        return read(txn -> storage.messages().search(txn, query, Optional.of(within), 10)).stream()
                .map(Message::messageId).toList();
    }

    private long seqOf(MessageId id) throws Exception {
        return read(txn -> storage.messages().find(txn, id).orElseThrow().cursor().sequence());
    }

    private long[] keysOf(MessageId id, String body) throws Exception {
        return SearchWordKeys.keys(seqOf(id), body);
    }

    /** How many of the keys of {@code body}'s words in message {@code id} are stored. */
    private int presentKeys(MessageId id, String body) throws Exception {
        return present(keysOf(id, body));
    }

    private int present(long[] keys) throws Exception {
        return Integer.parseInt(DatabaseSurgery.rows(storage, "SELECT COUNT(*) FROM message_word_keys WHERE k IN ("
                + String.join(", ", Arrays.stream(keys).mapToObj(Long::toString).toList()) + ")").get(0));
    }

    private interface Work<T> {
        T run(Transaction txn) throws Exception;
    }

    private interface Step {
        void run(Transaction txn) throws Exception;
    }

    private <T> T read(Work<T> work) throws Exception {
        return storage.transactions().transactionWithResult(true, work::run);
    }

    private void write(Step step) throws Exception {
        storage.transactions().transaction(false, step::run);
    }
}
