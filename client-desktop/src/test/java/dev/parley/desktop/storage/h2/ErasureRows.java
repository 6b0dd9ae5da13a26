package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Counts rows with plain SQL, for the erase tests that check what is left in the file. */
final class ErasureRows {
    private ErasureRows() {
    }

    static long count(H2Storage storage, Transaction txn, String sql) throws SQLException, StorageException {
        try (Statement s = H2Transaction.connection(txn, storage.manager(), false).createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
