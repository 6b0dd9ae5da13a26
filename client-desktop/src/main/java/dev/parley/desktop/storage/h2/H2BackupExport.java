package dev.parley.desktop.storage.h2;

import dev.parley.crypto.secret.SecretBytes;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.TamperedSecretException;
import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.backup.BackupBodyWriter;
import dev.parley.desktop.storage.backup.BackupRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Writes the database part of a backup: the manifest, every backed-up table's rows ({@link H2BackupTables}) and the
 * kept protocol state, unsealed (the backup stream encrypts it), all read in one transaction so the backup is one
 * consistent state. Rows stream from H2 ({@code LAZY_QUERY_EXECUTION}), so memory does not grow with the history.
 * Other transactions of the profile wait while it runs; attachment files are written afterwards, outside it.
 */
public final class H2BackupExport {
    private H2BackupExport() {
    }

    /** Rows written so far of the total. */
    @FunctionalInterface
    public interface RowProgress {
        void rows(long done, long total);
    }

    /** Totals of what the caller writes after the database part, for the manifest. */
    public record FileTotals(long files, long bytes) {
    }

    /**
     * Chooses, inside the backup's transaction, the files the caller writes after the database part (those whose rows
     * are in the backup), and returns their totals for the manifest.
     */
    @FunctionalInterface
    public interface FileSelection {
        FileTotals select(Transaction txn) throws StorageException;
    }

    /**
     * A deleted conversation still had rows when the backup's transaction began (it was deleted after the caller
     * removed the pending ones): nothing was written; remove them and try again.
     */
    public static final class ErasePendingException extends StorageException {
        public ErasePendingException() {
            super("a deleted conversation is still being removed");
        }
    }

    /**
     * A deleted conversation's rows are never written: if one is still being removed, nothing is written and
     * {@link ErasePendingException} says so (a backup must not bring back what the user deleted).
     *
     * @param files    called first, inside the transaction
     * @param progress receives the number of rows written, every 1,000 rows and at the end
     * @return the number of rows written
     */
    public static long export(H2Storage storage, BackupBodyWriter out, FileSelection files, long createdAtMillis,
                              RowProgress progress) throws StorageException, IOException {
        try {
            return storage.transactions().transactionWithResult(true, txn -> {
                Connection c = H2Transaction.connection(txn, storage.manager(), false);
                try {
                    if (PendingErasures.any(c)) {
                        throw new ErasePendingException();
                    }
                    return write(c, storage.sealer(), out, files.select(txn), createdAtMillis, progress);
                } catch (SQLException e) {
                    throw new StorageException("reading the profile for a backup failed", e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static long write(Connection c, SecretSealer sealer, BackupBodyWriter out, FileTotals files,
                              long createdAtMillis, RowProgress progress) throws SQLException, IOException,
            StorageException {
        Map<String, List<String>> tables = H2BackupTables.tables(c);
        long counted = 0;
        try (Statement s = c.createStatement()) {
            for (String table : tables.keySet()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + H2BackupTables.quote(table))) {
                    rs.next();
                    counted += rs.getLong(1);
                }
            }
        }
        long total = counted;
        out.manifest(new BackupRecord.Manifest(SchemaMigrator.LATEST_VERSION, createdAtMillis, total, files.files(),
                files.bytes()));
        long written = 0;
        setLazy(c, true);
        try {
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                out.table(table.getKey(), table.getValue());
                written = rows(c, table.getKey(), table.getValue(), out, written, n -> progress.rows(n, total));
            }
        } finally {
            setLazy(c, false);
        }
        progress.rows(written, total);
        secrets(c, sealer, out);
        return written;
    }

    private static long rows(Connection c, String table, List<String> columns, BackupBodyWriter out, long written,
                             LongConsumer progress) throws SQLException, IOException, StorageException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + H2BackupTables.columnList(columns) + " FROM "
                     + H2BackupTables.quote(table))) {
            Object[] values = new Object[columns.size()];
            while (rs.next()) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = value(rs.getObject(i + 1), table, columns.get(i));
                }
                out.row(values);
                if (++written % 1000 == 0) {
                    progress.accept(written);
                }
            }
        }
        return written;
    }

    /** The backup's value for a column: integers as Long; booleans, strings and byte strings as they are. */
    private static Object value(Object value, String table, String column) throws StorageException {
        if (value == null || value instanceof Long || value instanceof Boolean || value instanceof String
                || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw new StorageException("column " + table + "." + column + " has a type backups do not carry ("
                + value.getClass().getSimpleName() + ")");
    }

    private static void secrets(Connection c, SecretSealer sealer, BackupBodyWriter out)
            throws SQLException, IOException, StorageException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT namespace, secret_key, secret_value FROM secrets ORDER BY namespace, secret_key");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String namespace = rs.getString(1);
                if (!H2BackupTables.KEPT_SECRETS.contains(namespace)) {
                    continue;
                }
                String key = rs.getString(2);
                byte[] plain;
                try {
                    plain = sealer.open(new SecretNamespace(namespace), key, rs.getBytes(3));
                } catch (TamperedSecretException e) {
                    throw new StorageException("the profile's protected state failed its check; no backup made", e);
                }
                try {
                    out.secret(namespace, key, plain);
                } finally {
                    SecretBytes.wipe(plain);
                }
            }
        }
    }

    private static void setLazy(Connection c, boolean lazy) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION " + (lazy ? "TRUE" : "FALSE"));
        }
    }
}
