package dev.parley.desktop.storage.h2;

import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.backup.BackupBodyReader;
import dev.parley.desktop.storage.backup.BackupRecord;
import dev.parley.desktop.storage.backup.MalformedBackupException;
import dev.parley.desktop.storage.h2.DatabaseOpenException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Builds a new encrypted database from the database part of a backup: the schema of the backup's version (Flyway up
 * to it), then its rows, inserted in batches with referential checks off until all are in (a backup is one
 * consistent state), identity columns moved past the restored values, and the kept protocol state sealed under the
 * new file key. The usual open then migrates to the newest schema. Table and column names from the backup are only
 * used if the new database has them; anything else is refused.
 */
public final class H2BackupImport {
    private static final int BATCH = 500;

    private H2BackupImport() {
    }

    /** True if this Parley can restore a backup whose database has schema {@code version}. */
    public static boolean knowsSchema(String version) {
        return SchemaMigrator.isKnown(version);
    }

    /**
     * Creates the database at {@code base} and loads records from {@code in} up to the first that is not a table,
     * row or secret, which it returns. On failure the new file is removed.
     *
     * @throws MalformedBackupException if the records do not fit the schema of their version
     */
    public static BackupRecord restore(Path base, SecretBytes fileKey, CryptoProvider crypto, String schemaVersion,
                                       BackupBodyReader in, LongConsumer progress)
            throws DatabaseOpenException, IOException {
        if (!knowsSchema(schemaVersion)) {
            throw new MalformedBackupException("the backup's database version is unknown to this Parley");
        }
        H2Hardening.apply();
        DatabaseFiles files = DatabaseFiles.of(base);
        if (Files.exists(files.dataFile())) {
            throw new DatabaseOpenException(Reason.ALREADY_EXISTS, "a database already exists there");
        }
        boolean done = false;
        try (SecretSealer sealer = SecretSealer.forFileKey(crypto, fileKey)) {
            try (FileKeyRing.Lease lease = FileKeyRing.lease(files, fileKey);
                 Connection c = H2StorageOpener.connect(files.url(true, false))) {
                SchemaMigrator.migrate(files.url(false, false), H2StorageOpener.USER, H2StorageOpener.userPassword(),
                        sealer, schemaVersion);
                c.setAutoCommit(false);
                BackupRecord next = load(c, sealer, in, progress);
                c.commit();
                done = true;
                return next;
            } catch (SQLException e) {
                throw new MalformedBackupException("the backup's rows do not fit the database of their version", e);
            }
        } finally {
            if (!done) {
                Files.deleteIfExists(files.dataFile());
            }
        }
    }

    private static BackupRecord load(Connection c, SecretSealer sealer, BackupBodyReader in, LongConsumer progress)
            throws SQLException, IOException {
        Map<String, List<String>> known = H2BackupTables.tables(c);
        execute(c, "SET REFERENTIAL_INTEGRITY FALSE");
        long rows = 0;
        BackupRecord record = in.next();
        while (true) {
            if (record instanceof BackupRecord.Table table) {
                List<String> columns = known.get(table.name());
                if (columns == null || !columns.containsAll(table.columns())) {
                    throw new MalformedBackupException("the backup holds a table this Parley does not have");
                }
                execute(c, "DELETE FROM " + H2BackupTables.quote(table.name()));
                long[] counter = {rows};
                record = insertRows(c, table, in, counter, progress);
                rows = counter[0];
            } else if (record instanceof BackupRecord.Secret secret) {
                if (!H2BackupTables.KEPT_SECRETS.contains(secret.namespace())) {
                    throw new MalformedBackupException("the backup holds protocol state that backups never carry");
                }
                SecretNamespace namespace = new SecretNamespace(secret.namespace());
                try (PreparedStatement ps = c.prepareStatement(
                        "MERGE INTO secrets (namespace, secret_key, secret_value) KEY (namespace, secret_key) "
                                + "VALUES (?, ?, ?)")) {
                    ps.setString(1, secret.namespace());
                    ps.setString(2, secret.key());
                    ps.setBytes(3, sealer.seal(namespace, secret.key(), secret.value()));
                    ps.executeUpdate();
                } finally {
                    SecretBytes.wipe(secret.value());
                }
                record = in.next();
            } else if (record instanceof BackupRecord.Row) {
                throw new MalformedBackupException("a row in the backup belongs to no table");
            } else {
                break;
            }
        }
        restartIdentities(c);
        execute(c, "SET REFERENTIAL_INTEGRITY TRUE");
        progress.accept(rows);
        return record;
    }

    private static BackupRecord insertRows(Connection c, BackupRecord.Table table, BackupBodyReader in, long[] rows,
                                           LongConsumer progress) throws SQLException, IOException {
        String placeholders = String.join(", ", java.util.Collections.nCopies(table.columns().size(), "?"));
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + H2BackupTables.quote(table.name()) + " ("
                + H2BackupTables.columnList(table.columns()) + ") VALUES (" + placeholders + ")")) {
            int batched = 0;
            BackupRecord record = in.next();
            while (record instanceof BackupRecord.Row row) {
                if (row.values().length != table.columns().size()) {
                    throw new MalformedBackupException("a row in the backup has the wrong number of values");
                }
                for (int i = 0; i < row.values().length; i++) {
                    insert.setObject(i + 1, row.values()[i]);
                }
                insert.addBatch();
                if (++batched == BATCH) {
                    insert.executeBatch();
                    batched = 0;
                }
                if (++rows[0] % 1000 == 0) {
                    progress.accept(rows[0]);
                }
                record = in.next();
            }
            if (batched > 0) {
                insert.executeBatch();
            }
            return record;
        }
    }

    /** Moves each identity column's next value past the largest restored one, so new rows never collide. */
    private static void restartIdentities(Connection c) throws SQLException {
        for (String[] column : H2BackupTables.identityColumns(c)) {
            long max;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + H2BackupTables.quote(column[1]) + "), 0) FROM "
                         + H2BackupTables.quote(column[0]))) {
                rs.next();
                max = rs.getLong(1);
            }
            execute(c, "ALTER TABLE " + H2BackupTables.quote(column[0]) + " ALTER COLUMN "
                    + H2BackupTables.quote(column[1]) + " RESTART WITH " + (max + 1));
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
