package dev.parley.relay.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's stores on a PostgreSQL database shared by every node of a cluster: a HikariCP pool, the schema
 * migrated with Flyway from {@code db/relay-pg}. Usernames are keyed with the secret of the node's data directory
 * ({@link UsernameKey}), which every node of a cluster must hold identically.
 *
 * <p>Work for one recipient runs on one of a few single-thread lanes chosen by the recipient's key, so one node
 * commits one recipient's stores and acknowledgements in the order they were submitted; across nodes a per-recipient
 * row lock ({@code queues}) serialises them. A lane group-commits: stores (and acknowledgements) waiting in it run
 * together in one transaction ({@link PgLane}).
 */
public final class PgDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PgDatabase.class);
    private static final int LANES = 4;

    private final HikariDataSource pool;
    private final UsernameKey usernames;
    private final PgLane[] lanes = new PgLane[LANES];
    private final PgAccountStore accounts;
    private final PgBlobStore blobs;
    private final PostgresLocation location;

    private PgDatabase(HikariDataSource pool, UsernameKey usernames, PostgresLocation location) {
        this.pool = pool;
        this.usernames = usernames;
        this.location = location;
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new PgLane("relay-pg-lane-" + i, this::transaction);
        }
        this.accounts = new PgAccountStore(this);
        this.blobs = new PgBlobStore(this);
    }

    /**
     * Connects, migrates the schema and opens the stores; {@code secretsDir} holds the username secret shared by the
     * cluster's nodes. The password array is wiped before this returns.
     */
    public static PgDatabase open(PostgresLocation location, Path secretsDir) throws IOException, SQLException {
        DataDirectory.ensurePrivate(secretsDir.toAbsolutePath().normalize());
        UsernameKey usernames = UsernameKey.loadOrCreate(secretsDir.toAbsolutePath().normalize());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        config.setUsername(location.user());
        location.password().ifPresent(p -> config.setPassword(new String(p)));
        config.setPoolName("relay-pg");
        config.setMaximumPoolSize(LANES + 8);
        config.setAutoCommit(false);
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(10_000);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new SQLException("PostgreSQL at " + location + " could not be reached", e);
        } finally {
            location.password().ifPresent(p -> Arrays.fill(p, '\0'));
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/relay-pg").load().migrate();
            LOG.info("event=database_opened engine=postgresql location={}", location);
            return new PgDatabase(pool, usernames, location);
        } catch (RuntimeException e) {
            pool.close();
            throw new SQLException("the relay schema could not be migrated on PostgreSQL", e);
        }
    }

    public AccountStore accounts() {
        return accounts;
    }

    public BlobStore blobs() {
        return blobs;
    }

    /** The attachments every node of the cluster shares (chunks as rows; see {@link PgAttachmentStore}). */
    public AttachmentStore attachments(dev.parley.crypto.primitives.RandomSource random, java.time.Clock clock) {
        return new PgAttachmentStore(this, random, clock);
    }

    /** Starts listening for stores of every node (one pooled connection, until closed). */
    public QueueWakeups wakeups() {
        return new PgQueueWakeups(this);
    }

    /** The key the store files an account under (a keyed hash, hex): what other shared engines may name it by. */
    public String accountKey(String username) {
        return java.util.HexFormat.of().formatHex(usernames.of(username));
    }

    UsernameKey usernames() {
        return usernames;
    }

    PostgresLocation location() {
        return location;
    }

    /** One round trip ({@code SELECT 1}) in microseconds, or -1 when PostgreSQL cannot be reached. */
    public long pingMicros() {
        long start = System.nanoTime();
        try {
            transaction(c -> {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                return null;
            });
            return Math.max(1, (System.nanoTime() - start) / 1_000);
        } catch (StoreException e) {
            return -1;
        }
    }

    /** A connection of the pool (auto-commit off); the caller closes it. */
    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs read-only work on the calling thread in auto-commit mode: one round trip per statement, no commit (for a
     * single statement this sees what it would see in a transaction of its own).
     */
    <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("relay database read failed", e);
        }
    }

    /** Runs work in one transaction on the calling thread: committed when it returns, rolled back when it throws. */
    <T> T transaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is broken; the pool discards it
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("relay database operation failed", e);
        }
    }

    /** Runs work in one transaction on the recipient's lane; the future completes after the commit. */
    <T> CompletableFuture<T> submit(byte[] recipientKey, Work<T> work) {
        return lane(recipientKey).submit(work);
    }

    /**
     * Runs the request on the recipient's lane together with the other requests of the same kind waiting there, in
     * one transaction (group commit); the future completes after the commit.
     */
    <Q, R> CompletableFuture<R> submit(byte[] recipientKey, PgLane.BatchWork<Q, R> kind, Q request) {
        return lane(recipientKey).submit(kind, request);
    }

    private PgLane lane(byte[] recipientKey) {
        return lanes[Math.floorMod(Arrays.hashCode(recipientKey), LANES)];
    }

    @Override
    public void close() {
        for (PgLane lane : lanes) {
            lane.close(10);
        }
        pool.close();
    }
}
