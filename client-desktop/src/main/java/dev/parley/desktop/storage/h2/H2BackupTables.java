package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.SecretNamespace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a backup holds of the database (docs/protocol.md, Backups): every table of the profile but the ones below, and
 * of the protocol state in {@code secrets} only the identity key, the protocol counters (so new prekeys never reuse
 * an id) and the replay guard's base keys. Ratchet sessions, prekeys, queued ciphertext (made with sessions that are
 * not restored) and migration history are left out: a restored profile restarts its sessions.
 */
final class H2BackupTables {
    /**
     * Not backed up: migration history (the manifest names the version), protocol state, ciphertext queues, and who
     * holds which of our group sender keys (the keys themselves are never backed up: a restored profile makes and
     * distributes a new one).
     */
    static final Set<String> SKIPPED = Set.of("FLYWAY_SCHEMA_HISTORY", "SECRETS", "OUTBOX", "HELD_ENVELOPES",
            "PENDING_RECEIPTS", "ATTACHMENT_UPLOADS", "GROUP_KEY_HOLDERS", "OUTBOX_SHARED");
    /** The protocol-state namespaces a backup keeps; all others (sessions, prekeys, anything new) are left out. */
    static final Set<String> KEPT_SECRETS = Set.of(SecretNamespace.IDENTITY.name(), "protocol-meta", "seen-base-key");

    private H2BackupTables() {
    }

    /** The backed-up tables and their columns in ordinal order, by table name (upper case, as H2 stores them). */
    static Map<String, List<String>> tables(Connection c) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.TABLE_NAME, c.COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS c "
                     + "JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME "
                     + "WHERE c.TABLE_SCHEMA = 'PUBLIC' AND t.TABLE_TYPE = 'BASE TABLE' "
                     + "ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (!SKIPPED.contains(table.toUpperCase(Locale.ROOT))) {
                    tables.computeIfAbsent(table, t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return tables;
    }

    /** Identity columns (table, column) of the backed-up tables. */
    static List<String[]> identityColumns(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                     + "WHERE TABLE_SCHEMA = 'PUBLIC' AND IS_IDENTITY = 'YES'")) {
            while (rs.next()) {
                if (!SKIPPED.contains(rs.getString(1).toUpperCase(Locale.ROOT))) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }

    /** A quoted identifier; only ever given names read from the database's own metadata. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String columnList(List<String> columns) {
        StringBuilder sql = new StringBuilder();
        for (String column : columns) {
            if (sql.length() > 0) {
                sql.append(", ");
            }
            sql.append(quote(column));
        }
        return sql.toString();
    }
}
