package dev.parley.relay.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's embedded H2 database under the data directory, migrated with Flyway ({@code db/relay/V*.sql}).
 * One JDBC connection, owned by one writer thread, serves both stores. Concurrent operations are group-committed:
 * each runs in its own savepoint and a batch shares one commit, written to the file at once ({@code WRITE_DELAY=0}),
 * so a killed process loses nothing that was acknowledged, at one file write per batch rather than per message.
 */
public final class H2Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Database.class);

    private static final int MAX_BATCH = 512;
    /** The database file H2 keeps under the data directory. */
    static final String DATABASE_NAME = "relay";
    static final String DATA_FILE = DATABASE_NAME + ".mv.db";

    private final Connection connection;
    private final Connection cached;
    /** A second connection, auto-commit, for reads that must not wait behind the writer's queue. */
    private final Connection reader;
    private final BlockingQueue<Job<?>> jobs = new LinkedBlockingQueue<>();
    private final Thread writer;
    /**
     * Completes futures after each commit, in commit order, so the callbacks (responses, deliveries) run off the
     * writer thread while it commits the next batch.
     */
    private final ExecutorService completer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "relay-db-completer");
        t.setDaemon(true);
        return t;
    });
    private final H2AccountStore accounts;
    private final H2BlobStore blobs;
    private volatile boolean closed;
    private final List<Runnable> rollbackListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final UsernameKey usernames;

    private H2Database(Connection connection, Connection reader, UsernameKey usernames) {
        this.usernames = usernames;
        this.connection = connection;
        this.reader = reader;
        this.cached = new StatementCache(connection).connection();
        this.writer = new Thread(this::writeLoop, "relay-db-writer");
        this.writer.setDaemon(true);
        this.writer.start();
        this.accounts = new H2AccountStore(this);
        this.blobs = new H2BlobStore(this);
    }

    /** Opens (creating and migrating if needed) the unencrypted {@code relay.mv.db} in {@code dataDir}. */
    public static H2Database open(Path dataDir) throws IOException, SQLException {
        return open(dataDir, Optional.empty());
    }

    /**
     * Opens (creating and migrating if needed) {@code relay.mv.db} in {@code dataDir}; with a file password the file
     * is encrypted ({@code CIPHER=AES}), and an unencrypted file left by an older version is encrypted first. The
     * password array is wiped before this returns.
     */
    public static H2Database open(Path dataDir, Optional<char[]> filePassword) throws IOException, SQLException {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (dir.toString().contains(";")) {
            throw new IllegalArgumentException("the data directory path must not contain ';'");
        }
        H2Trust.restrictClassLoading();
        DataDirectory.ensurePrivate(dir);
        try {
            if (filePassword.isPresent()) {
                DatabaseEncryption.encryptIfPlain(dir, DATABASE_NAME, filePassword.get());
            }
            DataDirectory.ensurePrivateFile(dir.resolve(DATA_FILE));
            JdbcDataSource source = new JdbcDataSource();
            source.setURL("jdbc:h2:file:" + dir.resolve(DATABASE_NAME) + ";TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE"
                    + ";WRITE_DELAY=0" + (filePassword.isPresent() ? ";CIPHER=AES" : ""));
            source.setUser("relay");
            source.setPasswordChars(filePassword.map(DatabaseEncryption::withEmptyUserPassword).orElse(new char[0]));
            Connection connection = source.getConnection();
            try {
                H2Trust.verify(connection);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            UsernameKey usernames = UsernameKey.loadOrCreate(dir);
            Flyway.configure().dataSource(source).locations("classpath:db/relay")
                    .javaMigrations(new V3__Keyed_username_hashes(usernames)).load().migrate();
            connection.setAutoCommit(false);
            Connection reader = source.getConnection();
            reader.setReadOnly(true);
            source.setPasswordChars(new char[0]);
            LOG.info("event=database_opened encrypted={} dir={}", filePassword.isPresent(), dir);
            return new H2Database(connection, new StatementCache(reader).connection(), usernames);
        } finally {
            filePassword.ifPresent(password -> java.util.Arrays.fill(password, '\0'));
        }
    }

    /** How this database files usernames (keyed with the data directory's secret). */
    UsernameKey usernames() {
        return usernames;
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

    /** Registers a callback run on the writer thread whenever work is rolled back (caches must forget). */
    void onRollback(Runnable listener) {
        rollbackListeners.add(listener);
    }

    /** A unit of work for the writer thread; {@code shutdownCommand} non-null marks the last one. */
    private record Job<T>(Work<T> work, CompletableFuture<T> result, String shutdownCommand) {
    }

    /**
     * Runs work in its own transaction on the writer thread and completes the future after the commit.
     * Concurrent submissions are grouped: each runs under its own savepoint (a failure rolls back only that work)
     * and the group shares one commit, so one file write makes a whole batch durable (group commit).
     */
    <T> CompletableFuture<T> submit(Work<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new StoreException("the relay database is closed", null));
        } else {
            jobs.add(new Job<>(work, result, null));
        }
        return result;
    }

    /**
     * Runs read-only work on the calling thread, on the reader connection (serialised among readers); sees every
     * committed write and nothing uncommitted.
     */
    <T> T read(Work<T> work) {
        if (closed) {
            throw new StoreException("the relay database is closed", null);
        }
        synchronized (reader) {
            try {
                return work.run(reader);
            } catch (SQLException e) {
                throw new StoreException("relay database read failed", e);
            }
        }
    }

    /** Runs work in one transaction and waits for its commit. */
    <T> T transaction(Work<T> work) {
        try {
            return submit(work).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("relay database operation failed", e.getCause());
        }
    }

    private void writeLoop() {
        List<Job<?>> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            try {
                batch.add(jobs.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            jobs.drainTo(batch, MAX_BATCH - 1);
            if (runBatch(batch)) {
                return;
            }
        }
    }

    /** @return true when the batch shut the database down */
    private boolean runBatch(List<Job<?>> batch) {
        List<Object> results = new ArrayList<>(batch.size());
        List<Throwable> failures = new ArrayList<>(batch.size());
        String shutdown = null;
        int done = 0;
        for (Job<?> job : batch) {
            if (job.shutdownCommand() != null) {
                shutdown = job.shutdownCommand();
                break;
            }
            done++;
            try {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    results.add(job.work().run(cached));
                    failures.add(null);
                } catch (SQLException | RuntimeException e) {
                    connection.rollback(savepoint);
                    rollbackListeners.forEach(Runnable::run);
                    results.add(null);
                    failures.add(e instanceof StoreException ? e : new StoreException("relay database operation failed", e));
                }
            } catch (SQLException e) {
                results.add(null);
                failures.add(new StoreException("relay database savepoint failed", e));
            }
        }
        Throwable commitFailure = null;
        try {
            connection.commit();
        } catch (SQLException e) {
            commitFailure = new StoreException("relay database commit failed", e);
            rollbackListeners.forEach(Runnable::run);
        }
        List<Job<?>> finished = List.copyOf(batch.subList(0, done));
        Throwable batchFailure = commitFailure;
        completer.execute(() -> {
            for (int i = 0; i < finished.size(); i++) {
                complete(finished.get(i), batchFailure != null ? batchFailure : failures.get(i), results.get(i));
            }
        });
        if (shutdown == null) {
            return false;
        }
        completer.shutdown();
        try {
            completer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executeShutdown(shutdown);
        batch.get(done).result().complete(null);
        for (int i = done + 1; i < batch.size(); i++) {
            batch.get(i).result().completeExceptionally(new StoreException("the relay database is closed", null));
        }
        for (Job<?> late; (late = jobs.poll()) != null; ) {
            late.result().completeExceptionally(new StoreException("the relay database is closed", null));
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Job<T> job, Throwable failure, Object result) {
        if (failure != null) {
            job.result().completeExceptionally(failure);
        } else {
            job.result().complete((T) result);
        }
    }

    /** Closes the database cleanly after every job submitted before. */
    @Override
    public void close() {
        shutdown("SHUTDOWN");
    }

    /** Closes the files without any cleanup, as a power cut would ({@code SHUTDOWN IMMEDIATELY}); for crash tests. */
    public void halt() {
        shutdown("SHUTDOWN IMMEDIATELY");
    }

    private void shutdown(String command) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            jobs.add(new Job<>(null, done, command));
        }
        done.join();
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void executeShutdown(String command) {
        try (Statement s = connection.createStatement()) {
            s.execute(command);
        } catch (SQLException e) {
            LOG.warn("Relay database shutdown reported an error: {}", e.getMessage());
        }
        synchronized (reader) {
            try {
                reader.close();
            } catch (SQLException e) {
                LOG.debug("Reader close after shutdown: {}", e.getMessage());
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Connection close after shutdown: {}", e.getMessage());
        }
    }
}
