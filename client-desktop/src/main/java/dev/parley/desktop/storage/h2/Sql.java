package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.RefusedValueException;
import dev.parley.desktop.storage.StorageException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Small JDBC helpers shared by the H2 stores. */
final class Sql {
    private Sql() {
    }

    /**
     * A store failure: {@link RefusedValueException} when the database refused the value itself (SQLSTATE class 22,
     * data exception, or 23, integrity constraint violation), else a plain {@link StorageException}.
     */
    static StorageException failure(String what, SQLException e) {
        String message = what + " failed (database error " + e.getErrorCode() + ")";
        String state = e.getSQLState();
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            return new RefusedValueException(message, e);
        }
        return new StorageException(message, e);
    }

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, instant.toEpochMilli());
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
