package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.SearchTokenizer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The search index {@code message_word_keys(k BIGINT PRIMARY KEY)} (client migration V80): one number per distinct
 * word of a message and nothing else, no word text and no secondary index. A key is
 * {@code hash(word) << 40 | position}: the top 23 bits are a hash of the word as {@link SearchTokenizer} folds it,
 * the low 40 bits the message's sequence number, inverted so that a word's keys read in ascending order go from the
 * newest message to the oldest. A word's messages are thus one key range ({@link #rangeStart}), and "does message s
 * hold word w" is one point look-up. Different words may share a hash: search re-tokenizes the few candidate bodies
 * before it returns them ({@link H2MessageSearch}).
 *
 * <p>Nothing but the body says which keys a message has, so removing or editing a message tokenizes the body that goes
 * away and deletes those keys. <b>The keys of a body must therefore be recomputable for as long as it is stored:</b>
 * {@link SearchTokenizer}'s rules and {@link #hash}'s function are part of the stored format. Changing either needs a
 * migration that rebuilds this table from the bodies (a key left over by such a change would only cost a wasted
 * candidate, never a wrong result, since candidates are checked against their bodies).
 *
 * <p>Bulk paths (history import, pickup batches, the sweep, erasing a conversation) sort a batch's keys before writing
 * or deleting them, so each batch walks the table's pages once in order.
 */
final class SearchWordKeys {
    static final int HASH_BITS = 23;
    static final int POSITION_BITS = 40;
    /** Sequence numbers from {@code -2^39} (history imported below everything) to {@code 2^39 - 1}. */
    static final long MIN_SEQ = -(1L << (POSITION_BITS - 1));
    static final long MAX_SEQ = (1L << (POSITION_BITS - 1)) - 1;
    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;
    static final String INSERT_SQL = "INSERT INTO message_word_keys (k) VALUES (?)";
    static final String MERGE_SQL = "MERGE INTO message_word_keys (k) KEY (k) VALUES (?)";
    static final String DELETE_SQL = "DELETE FROM message_word_keys WHERE k = ?";

    private SearchWordKeys() {
    }

    /**
     * The 23-bit hash of a folded word: FNV-1a (64 bits) over its UTF-8 bytes, mixed by MurmurHash3's 64-bit
     * finalizer, top 23 bits. Stored in every key: never change it without rebuilding the table.
     */
    static long hash(String word) {
        long h = 0xcbf29ce484222325L;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return finish(h);
    }

    /** The last step of {@link #hash}: the finalizer over the FNV-1a state {@code h}, top 23 bits. */
    static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h >>> (Long.SIZE - HASH_BITS);
    }

    /** The key of a word with hash {@code hash} in message {@code seq}. */
    static long key(long hash, long seq) {
        if (seq < MIN_SEQ || seq > MAX_SEQ) {
            throw new IllegalStateException("a message position is outside what the search index can hold");
        }
        return (hash << POSITION_BITS) | (MAX_SEQ - seq);
    }

    /** The first key of the words with hash {@code hash} (the newest message's); the range ends before the next. */
    static long rangeStart(long hash) {
        return hash << POSITION_BITS;
    }

    /** The message a key belongs to. */
    static long seq(long key) {
        return MAX_SEQ - (key & POSITION_MASK);
    }

    /** The distinct keys of {@code body}'s words in message {@code seq}, sorted. */
    static long[] keys(long seq, String body) {
        Batch batch = new Batch();
        batch.add(seq, body);
        return batch.sortedDistinct();
    }

    /**
     * Message {@code seq}'s text changes from {@code oldBody} to {@code newBody}: the keys of words only the old text
     * had are deleted, the new text's keys merged (a word of both keeps its key; one missing is added).
     */
    static void replace(Connection c, long seq, String oldBody, String newBody) throws SQLException {
        long[] old = keys(seq, oldBody);
        long[] fresh = keys(seq, newBody);
        delete(c, Arrays.stream(old).filter(k -> Arrays.binarySearch(fresh, k) < 0).toArray());
        merge(c, fresh);
    }

    /** Inserts sorted distinct keys (each absent), batched. */
    static void insert(Connection c, long[] sortedKeys) throws SQLException {
        run(c, INSERT_SQL, sortedKeys);
    }

    /** Inserts keys that may be present already. */
    static void merge(Connection c, long[] sortedKeys) throws SQLException {
        run(c, MERGE_SQL, sortedKeys);
    }

    /** Deletes sorted distinct keys; absent ones are ignored. */
    static void delete(Connection c, long[] sortedKeys) throws SQLException {
        run(c, DELETE_SQL, sortedKeys);
    }

    private static void run(Connection c, String sql, long[] keys) throws SQLException {
        if (keys.length == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (long k : keys) {
                ps.setLong(1, k);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The keys of many messages' words, collected and then written or deleted in key order. */
    static final class Batch {
        private long[] keys = new long[64];
        private int size;

        /** Adds the keys of {@code body}'s words in message {@code seq} (nothing for a null or empty body). */
        void add(long seq, String body) {
            if (body == null || body.isEmpty()) {
                return;
            }
            for (long hash : WordHashes.of(body)) {
                if (size == keys.length) {
                    keys = Arrays.copyOf(keys, size * 2);
                }
                keys[size++] = key(hash, seq);
            }
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** The keys added so far, sorted, each once (two words of one message may share a hash). */
        long[] sortedDistinct() {
            long[] sorted = Arrays.copyOf(keys, size);
            Arrays.sort(sorted);
            int n = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (n == 0 || sorted[i] != sorted[n - 1]) {
                    sorted[n++] = sorted[i];
                }
            }
            return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
        }

        void insert(Connection c) throws SQLException {
            SearchWordKeys.insert(c, sortedDistinct());
        }
    }
}
