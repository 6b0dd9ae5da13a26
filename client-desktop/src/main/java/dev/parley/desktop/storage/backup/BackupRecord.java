package dev.parley.desktop.storage.backup;

import java.util.List;

/** One record of a backup's body (docs/protocol.md, Backups), as {@link BackupBodyReader} returns them. */
public sealed interface BackupRecord {
    /** First record: what follows, for checks and progress. */
    record Manifest(String schemaVersion, long createdAtMillis, long rows, long files, long fileBytes)
            implements BackupRecord {
    }

    /** A table whose rows follow, with its column names in the order of each row's values. */
    record Table(String name, List<String> columns) implements BackupRecord {
    }

    /** A row of the last table: each value is null, a Long, a Boolean, a String or a byte[]. */
    record Row(Object[] values) implements BackupRecord {
    }

    /** A protocol-state entry kept by backups (identity key, counters), unsealed: the backup encrypts it. */
    record Secret(String namespace, String key, byte[] value) implements BackupRecord {
    }

    /** A file of the profile directory; its content is read with {@link BackupBodyReader#copyFile}. */
    record FileEntry(String path, long size) implements BackupRecord {
    }

    /** Last record: the counts written, checked against the manifest. */
    record End(long rows, long files) implements BackupRecord {
    }
}
