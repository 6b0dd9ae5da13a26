package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.SearchTokenizer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Deletes the search word keys ({@link SearchWordKeys}) of messages whose rows were just deleted in the same
 * transaction, a key range per word instead of a statement per key.
 *
 * <p>A word's keys are ordered by message position, so the keys of one word in a run of positions that holds only
 * removed messages are one contiguous range of {@code message_word_keys}: {@code DELETE ... WHERE k BETWEEN} the key of
 * the run's newest and oldest message deletes exactly them. The disappearing sweep removes runs of consecutive
 * messages, about 7.5 keys each: a batch of 500 is then one range per distinct word (tens of statements) instead of
 * one statement per key (thousands), and H2's per-statement work (snapshots, look-up from the root) goes away.
 *
 * <p>Runs are cut wherever a message that stays lies between two removed ones: those are found by one read of the
 * removed span's positions ({@link #SURVIVORS_READ} at most; past the last one read every gap counts as holding one). A position
 * with no message may hold keys left behind only by a tokenizer change (see {@link SearchTokenizer}); a range over it
 * deletes those too, which is what should happen to them.
 */
final class RemovedWordKeys {
    /** Most positions of staying messages read to find the runs; past them gaps are assumed to hold a message. */
    static final int SURVIVORS_READ = 4_096;
    static final String DELETE_RANGE_SQL = "DELETE FROM message_word_keys WHERE k BETWEEN ? AND ?";

    private final long[] seqs;
    private final long[][] hashes;
    private final int survivorsRead;
    private int size;

    /** For up to {@code capacity} removed messages. */
    RemovedWordKeys(int capacity) {
        this(capacity, SURVIVORS_READ);
    }

    RemovedWordKeys(int capacity, int survivorsRead) {
        if (survivorsRead < 1) {
            throw new IllegalArgumentException("survivorsRead must be positive");
        }
        this.seqs = new long[capacity];
        this.hashes = new long[capacity][];
        this.survivorsRead = survivorsRead;
    }

    /** Adds a removed message (nothing to delete for a null or empty body). */
    void add(long seq, String body) {
        if (body == null || body.isEmpty()) {
            return;
        }
        long[] words = WordHashes.of(body);
        if (words.length > 0) {
            seqs[size] = seq;
            hashes[size] = words;
            size++;
        }
    }

    /** Deletes the keys of every message added; call after their rows are gone, inside the same transaction. */
    void delete(Connection c) throws SQLException {
        if (size == 0) {
            return;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(seqs[a], seqs[b]));
        Survivors survivors = Survivors.read(c, seqs[order[0]], seqs[order[size - 1]], survivorsRead);
        try (PreparedStatement ps = c.prepareStatement(DELETE_RANGE_SQL)) {
            int runStart = 0;
            for (int i = 1; i <= size; i++) {
                if (i == size || survivors.between(seqs[order[i - 1]], seqs[order[i]])) {
                    addRun(ps, order, runStart, i);
                    runStart = i;
                }
            }
            ps.executeBatch();
        }
    }

    /** Adds one range per distinct word of the run {@code order[from..to)} (ascending positions). */
    private void addRun(PreparedStatement ps, Integer[] order, int from, int to) throws SQLException {
        long oldest = seqs[order[from]];
        long newest = seqs[order[to - 1]];
        long[] words = to - from == 1 ? hashes[order[from]] : distinctWords(order, from, to);
        for (long hash : words) {
            ps.setLong(1, SearchWordKeys.key(hash, newest));
            ps.setLong(2, SearchWordKeys.key(hash, oldest));
            ps.addBatch();
        }
    }

    private long[] distinctWords(Integer[] order, int from, int to) {
        int total = 0;
        for (int i = from; i < to; i++) {
            total += hashes[order[i]].length;
        }
        long[] all = new long[total];
        int n = 0;
        for (int i = from; i < to; i++) {
            long[] words = hashes[order[i]];
            System.arraycopy(words, 0, all, n, words.length);
            n += words.length;
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (distinct == 0 || all[i] != all[distinct - 1]) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
    }

    /** Positions of messages that stay, strictly inside the removed span, ascending; complete up to {@code knownTo}. */
    private record Survivors(long[] positions, long knownTo) {
        static Survivors read(Connection c, long oldest, long newest, int limit) throws SQLException {
            if (newest - oldest < 2) {
                return new Survivors(new long[0], newest);
            }
            long[] found = new long[64];
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM messages WHERE seq > ? AND seq < ? "
                    + "ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
                ps.setLong(1, oldest);
                ps.setLong(2, newest);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (n == found.length) {
                            found = Arrays.copyOf(found, n * 2);
                        }
                        found[n++] = rs.getLong(1);
                    }
                }
            }
            long knownTo = n == limit ? found[n - 1] : newest;
            return new Survivors(Arrays.copyOf(found, n), knownTo);
        }

        /** True if a message that stays may lie strictly between positions {@code lower} and {@code upper}. */
        boolean between(long lower, long upper) {
            if (upper - lower < 2) {
                return false;
            }
            if (upper > knownTo) {
                return true;
            }
            int at = Arrays.binarySearch(positions, lower + 1);
            int next = at >= 0 ? at : -at - 1;
            return next < positions.length && positions[next] < upper;
        }
    }
}
