package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs SQL on a real profile database through its own transaction (fault injection from tests outside this package:
 * for example a constraint that makes the database refuse one particular row, as a store refuses a value it cannot
 * hold).
 */
public final class DatabaseSurgery {
    private DatabaseSurgery() {
    }

    public static void execute(Storage storage, String sql) throws StorageException {
        H2Storage h2 = (H2Storage) storage;
        H2TransactionManager manager = (H2TransactionManager) h2.transactions();
        h2.transactions().transaction(false, txn -> {
            try (Statement st = H2Transaction.connection(txn, manager, true).createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new StorageException("surgery failed", e);
            }
        });
    }
}
