package dev.parley.relay.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Starts a private PostgreSQL and/or redis-server for one test class and stops them after it (and at JVM exit,
 * should the class never finish). Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ClusterEngines ENGINES = ClusterEngines.postgresAndRedis();
 * }</pre>
 *
 * <p>Without the binaries the class is skipped with one message saying how to install them, except under CI
 * ({@code CI=true}, set by {@code .ci/run}), where a missing engine fails the build: CI must never pass by skipping.
 */
public final class ClusterEngines implements BeforeAllCallback, AfterAllCallback {
    static final String INSTALL_HINT = "install them with 'apt-get install postgresql redis-server' "
            + "(Debian/Ubuntu; .ci/run does this) or point PARLEY_PG_BIN at PostgreSQL's bin directory";

    private final boolean wantPostgres;
    private final boolean wantRedis;
    private LocalPostgres postgres;
    private LocalRedis redis;
    private Thread exitHook;

    private ClusterEngines(boolean wantPostgres, boolean wantRedis) {
        this.wantPostgres = wantPostgres;
        this.wantRedis = wantRedis;
    }

    public static ClusterEngines postgres() {
        return new ClusterEngines(true, false);
    }

    public static ClusterEngines postgresAndRedis() {
        return new ClusterEngines(true, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Optional<Path> pgBin = wantPostgres ? LocalPostgres.findBinaries() : Optional.empty();
        Optional<Path> redisBin = wantRedis ? LocalRedis.findBinary() : Optional.empty();
        List<String> missing = new ArrayList<>();
        if (wantPostgres && pgBin.isEmpty()) {
            missing.add("PostgreSQL (initdb, pg_ctl)");
        }
        if (wantRedis && redisBin.isEmpty()) {
            missing.add("redis-server");
        }
        if (!missing.isEmpty()) {
            String message = "cluster tests need " + String.join(" and ", missing) + ": " + INSTALL_HINT;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + " (CI=true: a missing engine fails the build)");
            }
            throw new TestAbortedException(message);
        }
        exitHook = new Thread(this::stopAll, "cluster-engines-exit");
        Runtime.getRuntime().addShutdownHook(exitHook);
        if (wantPostgres) {
            postgres = LocalPostgres.start(pgBin.get());
        }
        if (wantRedis) {
            redis = LocalRedis.start(redisBin.get());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopAll();
        if (exitHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(exitHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran
            }
        }
    }

    private synchronized void stopAll() {
        if (redis != null) {
            redis.close();
            redis = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    LocalPostgres postgresServer() {
        return postgres;
    }

    LocalRedis redisServer() {
        return redis;
    }

    /** {@code postgresql://127.0.0.1:PORT/parley?user=parley}. */
    public String storeUri() {
        return postgres.storeUri();
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/parley}, user {@value LocalPostgres#USER}, no password. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + LocalPostgres.DATABASE;
    }

    public String user() {
        return LocalPostgres.USER;
    }

    /** {@code redis://127.0.0.1:PORT}. */
    public String busUri() {
        return redis.busUri();
    }

    /** Kills redis-server. */
    public void stopRedis() throws InterruptedException {
        redis.stop();
    }

    /** Starts redis-server again on the same port, empty. */
    public void startRedis() throws Exception {
        redis.startServer();
    }

    /** Stops PostgreSQL immediately, as a crash would. */
    public void stopPostgres() throws Exception {
        postgres.stop();
    }

    /** Starts PostgreSQL again with its data, on the same port. */
    public void startPostgres() throws Exception {
        postgres.startAgain();
    }
}
