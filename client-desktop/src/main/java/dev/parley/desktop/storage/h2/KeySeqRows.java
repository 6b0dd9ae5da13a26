package dev.parley.desktop.storage.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rows of a side table keyed by (a text key, a message's seq), as {@link MessageQuotes} and {@link UnreadMessages}
 * keep them, collected by one writer and then inserted or deleted in one batch of a two-parameter statement.
 */
final class KeySeqRows {
    private final List<String> keys = new ArrayList<>();
    private final List<Long> seqs = new ArrayList<>();

    void add(String key, long seq) {
        keys.add(Objects.requireNonNull(key));
        seqs.add(seq);
    }

    /** Runs {@code sql} (parameters: key, seq) once per row, in one batch; nothing if there are none. */
    void run(Connection c, String sql) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setString(1, keys.get(i));
                ps.setLong(2, seqs.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
