package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.MigrationProgress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The loop a Java migration that rewrites a large history shares: it walks an indexed BIGINT column (a message
 * sequence number) in ranges of {@code rangeSize} values, hands each non-empty range to the migration, commits it (one
 * transaction of a million rows made H2's commit walk an undo log far larger than its cache), and reports the share of
 * the column's span done after each range, so memory stays bounded and the unlock screen can say how far it is. Gaps
 * in the column are skipped with one indexed look-up. Progress is {@code done} of {@code total} = the span from the
 * smallest to the largest value; it only grows and ends at {@code total}.
 */
final class SeqRangeCopy {
    /** Copies the rows whose column value is in {@code [from, to)}. */
    @FunctionalInterface
    interface Range {
        void copy(long from, long to) throws SQLException;
    }

    private final String table;
    private final String column;
    private final long rangeSize;

    /** {@code table} and {@code column} are the migration's own constants, never user input. */
    SeqRangeCopy(String table, String column, long rangeSize) {
        if (rangeSize <= 0) {
            throw new IllegalArgumentException("rangeSize must be positive");
        }
        this.table = table;
        this.column = column;
        this.rangeSize = rangeSize;
    }

    /** Copies every range through {@code range}, committing each, reporting under {@code step}. */
    void run(Connection c, String step, MigrationProgress progress, Range range) throws SQLException {
        long first;
        long last;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(" + column + "), MAX(" + column + ") FROM " + table)) {
            rs.next();
            first = rs.getLong(1);
            if (rs.wasNull()) {
                progress.update(step, 0, 0);
                return;
            }
            last = rs.getLong(2);
        }
        long total = last - first + 1;
        progress.update(step, 0, total);
        try (PreparedStatement next = c.prepareStatement(
                "SELECT " + column + " FROM " + table + " WHERE " + column + " >= ? ORDER BY " + column + " LIMIT 1")) {
            long from = first;
            while (from <= last) {
                long to = from > Long.MAX_VALUE - rangeSize ? Long.MAX_VALUE : from + rangeSize;
                range.copy(from, to);
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                if (to > last) {
                    break;
                }
                next.setLong(1, to);
                try (ResultSet rs = next.executeQuery()) {
                    from = rs.next() ? rs.getLong(1) : last + 1;
                }
                progress.update(step, Math.min(total, from - first), total);
            }
        }
        progress.update(step, total, total);
    }
}
