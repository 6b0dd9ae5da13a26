package dev.parley.relay.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's embedded H2 database under the data directory, migrated with Flyway ({@code db/relay/V*.sql}).
 * One JDBC connection serves both stores; every store call holds this object's monitor for its transaction.
 * Commits are written to the file at once ({@code WRITE_DELAY=0}), so a killed process loses no acknowledged blob.
 */
public final class H2Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Database.class);

    private final Connection connection;
    private final H2AccountStore accounts;
    private final H2BlobStore blobs;
    private boolean closed;

    private H2Database(Connection connection) throws SQLException {
        this.connection = connection;
        this.accounts = new H2AccountStore(this);
        this.blobs = new H2BlobStore(this);
    }

    /** Opens (creating and migrating if needed) {@code relay.mv.db} in {@code dataDir}. */
    public static H2Database open(Path dataDir) throws IOException, SQLException {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (dir.toString().contains(";")) {
            throw new IllegalArgumentException("the data directory path must not contain ';'");
        }
        Files.createDirectories(dir);
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + dir.resolve("relay") + ";TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        source.setUser("relay");
        source.setPassword("");
        Connection connection = source.getConnection();
        Flyway.configure().dataSource(source).locations("classpath:db/relay").load().migrate();
        connection.setAutoCommit(false);
        LOG.info("Opened relay database in {}", dir);
        return new H2Database(connection);
    }

    public AccountStore accounts() {
        return accounts;
    }

    public BlobStore blobs() {
        return blobs;
    }

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs work in one transaction, committing on success and rolling back on any failure. */
    synchronized <T> T transaction(Work<T> work) {
        if (closed) {
            throw new StoreException("the relay database is closed", null);
        }
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("relay database operation failed", e);
        }
    }

    /** Closes the database cleanly. */
    @Override
    public synchronized void close() {
        shutdown("SHUTDOWN");
    }

    /** Closes the files without any cleanup, as a power cut would ({@code SHUTDOWN IMMEDIATELY}); for crash tests. */
    public synchronized void halt() {
        shutdown("SHUTDOWN IMMEDIATELY");
    }

    private void shutdown(String command) {
        if (closed) {
            return;
        }
        closed = true;
        try (Statement s = connection.createStatement()) {
            s.execute(command);
        } catch (SQLException e) {
            LOG.warn("Relay database shutdown reported an error: {}", e.getMessage());
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Connection close after shutdown: {}", e.getMessage());
        }
    }
}
