package dev.parley.desktop.storage.h2;

import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MigrationProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Opens the profile database for {@link H2Storage}: the key check, the key's lease, the read-only trust inspection,
 * the read-write connection and pending migrations; and the connection details every caller shares (the fixed user,
 * the file password format).
 */
final class H2StorageOpener {
    static final String USER = "parley";
    private static final String USER_PASSWORD = "parley-local";

    private H2StorageOpener() {
    }

    static H2Storage open(DatabaseFiles files, SecretBytes fileKey, EventPublisher publisher, boolean create,
                          CryptoProvider crypto) throws DatabaseOpenException {
        return open(files, fileKey, publisher, create, crypto, MigrationProgress.NONE);
    }

    /** As above; pending migrations of an existing database report to {@code progress}. */
    static H2Storage open(DatabaseFiles files, SecretBytes fileKey, EventPublisher publisher, boolean create,
                          CryptoProvider crypto, MigrationProgress progress) throws DatabaseOpenException {
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(crypto, "crypto");
        if (!create) {
            FileKeyCheck.verify(files, fileKey);
        }
        FileKeyRing.Lease lease = FileKeyRing.lease(files, fileKey);
        boolean opened = false;
        try {
            if (!create) {
                try (Connection inspection = connect(files.url(false, true))) {
                    TrustCheck.verify(inspection);
                } catch (SQLException e) {
                    throw H2Errors.map(e);
                }
            }
            H2Storage storage = openReadWrite(files, fileKey, publisher, create, crypto, lease, progress);
            opened = true;
            return storage;
        } finally {
            if (!opened) {
                lease.close();
            }
        }
    }

    private static H2Storage openReadWrite(DatabaseFiles files, SecretBytes fileKey, EventPublisher publisher,
                                           boolean create, CryptoProvider crypto, FileKeyRing.Lease lease,
                                           MigrationProgress progress) throws DatabaseOpenException {
        Connection connection = connect(files.url(create, false));
        SecretSealer sealer = SecretSealer.forFileKey(crypto, fileKey);
        try {
            TrustCheck.verify(connection);
            if (create || !SchemaMigrator.isCurrent(connection)) {
                SchemaMigrator.migrate(files.url(false, false), USER, userPassword(), sealer, null,
                        create ? MigrationProgress.NONE : progress);
            }
            connection.setAutoCommit(false);
            return new H2Storage(connection, publisher, sealer, lease);
        } catch (SQLException | DatabaseOpenException | RuntimeException e) {
            closeQuietly(connection);
            sealer.close();
            if (e instanceof DatabaseOpenException d) {
                throw d;
            }
            if (e instanceof SQLException s) {
                throw H2Errors.map(s);
            }
            throw (RuntimeException) e;
        }
    }

    /** A connection to {@code url}; the database's key must be held ({@link FileKeyRing#lease}) while it is open. */
    static Connection connect(String url) throws DatabaseOpenException {
        char[] password = userPassword();
        try {
            org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
            ds.setURL(url);
            ds.setUser(USER);
            ds.setPasswordChars(password);
            return ds.getConnection();
        } catch (SQLException e) {
            throw H2Errors.map(e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** H2's user password (the file key is not part of it: the file layer holds the key). The caller wipes it. */
    static char[] userPassword() {
        return USER_PASSWORD.toCharArray();
    }

    /** Lower-case hex of the key: the file password of H2's format. The caller wipes it. */
    static char[] filePassword(SecretBytes fileKey) {
        if (fileKey.length() != 32) {
            throw new IllegalArgumentException("the file key must be 32 bytes");
        }
        byte[] key = fileKey.bytes();
        char[] hex = new char[key.length * 2];
        for (int i = 0; i < key.length; i++) {
            hex[2 * i] = Character.forDigit((key[i] >> 4) & 0xf, 16);
            hex[2 * i + 1] = Character.forDigit(key[i] & 0xf, 16);
        }
        SecretBytes.wipe(key);
        return hex;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(H2Storage.class)
                    .warn("Closing a refused database failed (error code {})", e.getErrorCode());
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(H2Storage.class).warn("Could not remove a partial database file", e);
        }
    }
}
