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

    /** The whole database as SQL text (H2's {@code SCRIPT}): every row of every table, in plaintext. */
    public static String dump(Storage storage) throws StorageException {
        H2Storage h2 = (H2Storage) storage;
        H2TransactionManager manager = (H2TransactionManager) h2.transactions();
        return h2.transactions().transactionWithResult(true, txn -> {
            StringBuilder out = new StringBuilder();
            try (Statement st = H2Transaction.connection(txn, manager, false).createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            } catch (SQLException e) {
                throw new StorageException("dump failed", e);
            }
            return out.toString();
        });
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

    /** The rows {@code sql} selects, each as its values joined by tabs (comparing two profiles' rows). */
    public static java.util.List<String> rows(Storage storage, String sql) throws StorageException {
        H2Storage h2 = (H2Storage) storage;
        H2TransactionManager manager = (H2TransactionManager) h2.transactions();
        return h2.transactions().transactionWithResult(true, txn -> {
            java.util.List<String> out = new java.util.ArrayList<>();
            try (Statement st = H2Transaction.connection(txn, manager, false).createStatement();
                 java.sql.ResultSet rs = st.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        row.append(i > 1 ? "\t" : "").append(value instanceof byte[] b
                                ? java.util.HexFormat.of().formatHex(b) : String.valueOf(value));
                    }
                    out.add(row.toString());
                }
            } catch (SQLException e) {
                throw new StorageException("query failed", e);
            }
            return out;
        });
    }
}
