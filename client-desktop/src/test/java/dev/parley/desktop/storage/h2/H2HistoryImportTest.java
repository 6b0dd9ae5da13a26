package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.history.HistoryRows;
import dev.parley.desktop.storage.history.HistoryTransferStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #17: a history chunk is imported set-based (one look-up of all its ids, one batch per table), and stays resumable:
 * a chunk whose messages are partly here already (received live, or imported by an attempt that was cut off) stores
 * each message once, with its versions, reactions, attachment and search words once, below what is here.
 */
class H2HistoryImportTest {
    @TempDir
    Path dir;
    H2Storage storage;
    HistoryTransferStore history;

    @BeforeEach
    void open() throws Exception {
        storage = H2Storage.create(dir.resolve("data-1"), TestKeys.key(1), EventPublisher.NONE);
        history = storage.history().orElseThrow();
    }

    @AfterEach
    void close() throws Exception {
        storage.close();
    }

    @Test
    void aChunkWhoseMessagesPartlyExistStoresEachMessageOnce() throws Exception {
        HistoryTransferStore.Imported first = storage.transactions().transactionWithResult(false,
                txn -> history.importRows(txn, rows(message("m5", "fifth walrus"), message("m4", "fourth walrus"))));
        assertThat(first).isEqualTo(new HistoryTransferStore.Imported(2, 0));

        // the next chunk carries m4 again (a resent chunk overlapping the first), m3 twice, and older ones
        HistoryTransferStore.Imported second = storage.transactions().transactionWithResult(false,
                txn -> history.importRows(txn, rows(message("m4", "fourth walrus"), withDependents("m3"),
                        message("m3", "third walrus"), message("m2", "second walrus"))));
        assertThat(second).isEqualTo(new HistoryTransferStore.Imported(2, 2));

        // the same chunk again (its commit was not recorded): nothing new
        HistoryTransferStore.Imported again = storage.transactions().transactionWithResult(false,
                txn -> history.importRows(txn, rows(withDependents("m3"), message("m2", "second walrus"))));
        assertThat(again).isEqualTo(new HistoryTransferStore.Imported(0, 2));

        assertThat(DatabaseSurgery.rows(storage, "SELECT message_id FROM messages ORDER BY seq DESC"))
                .as("each once, newest first in position").containsExactly("m5", "m4", "m3", "m2");
        assertThat(DatabaseSurgery.rows(storage, "SELECT message_id, version FROM message_versions"))
                .containsExactly("m3\t1");
        assertThat(DatabaseSurgery.rows(storage, "SELECT message_id, reactor FROM reactions"))
                .containsExactly("m3\tbob");
        assertThat(DatabaseSurgery.rows(storage, "SELECT message_id, state FROM attachments"))
                .containsExactly("m3\tAVAILABLE");
        long walrus = SearchWordKeys.hash("walrus");
        assertThat(DatabaseSurgery.rows(storage, "SELECT m.message_id FROM message_word_keys w JOIN messages m "
                + "ON m.seq = " + SearchWordKeys.MAX_SEQ + " - BITAND(w.k, " + ((1L << SearchWordKeys.POSITION_BITS) - 1)
                + ") WHERE w.k >= " + SearchWordKeys.rangeStart(walrus) + " AND w.k < "
                + SearchWordKeys.rangeStart(walrus + 1) + " ORDER BY w.k"))
                .as("search words once per message").containsExactly("m5", "m4", "m3", "m2");
        assertThat(DatabaseSurgery.rows(storage, "SELECT conversation_id, last_seq FROM conversations"))
                .containsExactly("bob\t0");
    }

    /**
     * #12: an imported reply that carries a snippet gets its message_quotes row, and a message imported with reactions
     * its reacted mark, so removing the original later clears the snippet and takes the reactions.
     */
    @Test
    void importedRepliesAndReactionsAreClearedWhenTheirOriginalGoes() throws Exception {
        HistoryRows.Message reply = new HistoryRows.Message("m6", "bob", "OUTGOING", "alice", 5_000, null, "indeed",
                "SENT", null, false, false, 0, null, "m3", "bob", "third walrus", null, "TEXT", null, null, null,
                List.of(), List.of(), null);
        HistoryRows.Message notFound = new HistoryRows.Message("m7", "bob", "OUTGOING", "alice", 6_000, null, "what?",
                "SENT", null, false, false, 0, null, "m0", null, null, null, "TEXT", null, null, null,
                List.of(), List.of(), null);
        storage.transactions().transactionWithResult(false,
                txn -> history.importRows(txn, rows(notFound, reply, withDependents("m3"), message("m2", "plain"))));
        assertThat(DatabaseSurgery.rows(storage, "SELECT message_id FROM messages WHERE reacted"))
                .containsExactly("m3");
        assertThat(DatabaseSurgery.rows(storage, "SELECT q.quoted_id, m.message_id FROM message_quotes q "
                + "JOIN messages m ON m.seq = q.seq")).containsExactly("m3\tm6");

        storage.transactions().transaction(false,
                txn -> storage.changes().remove(txn, List.of(new dev.parley.desktop.storage.MessageId("m3"))));
        assertThat(DatabaseSurgery.rows(storage, "SELECT message_id, COALESCE(quoted_snippet, '-') FROM messages "
                + "WHERE quoted_id IS NOT NULL ORDER BY message_id")).containsExactly("m6\t-", "m7\t-");
        assertThat(DatabaseSurgery.rows(storage, "SELECT message_id FROM reactions")).isEmpty();
        assertThat(DatabaseSurgery.rows(storage, "SELECT quoted_id FROM message_quotes")).isEmpty();
    }

    private static HistoryRows rows(HistoryRows.Message... messages) {
        return new HistoryRows(List.of(), List.of(new HistoryRows.Conversation("bob", "DIRECT", 0, false, false)),
                List.of(messages));
    }

    private static HistoryRows.Message message(String id, String body) {
        return new HistoryRows.Message(id, "bob", "INCOMING", "bob", 1_000, 2_000L, body, "READ", null, false, false,
                0, null, null, null, null, null, "TEXT", null, null, null, List.of(), List.of(), null);
    }

    private static HistoryRows.Message withDependents(String id) {
        return new HistoryRows.Message(id, "bob", "INCOMING", "bob", 1_000, 2_000L, "third walrus, edited", "READ",
                null, false, false, 1, 3_000L, null, null, null, null, "TEXT", null, null, null,
                List.of(new HistoryRows.Version(1, "third walrus", 1_000)),
                List.of(new HistoryRows.Reaction("bob", "+1", 4_000)),
                new HistoryRows.Attachment(new byte[16], new byte[32], new byte[32], 10, "notes.txt", "text/plain", 0,
                        0, new byte[0], "DOWNLOADED"));
    }
}
