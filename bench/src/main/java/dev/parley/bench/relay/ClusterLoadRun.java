package dev.parley.bench.relay;

import dev.parley.relay.cluster.LocalPostgres;
import dev.parley.relay.cluster.LocalRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The relay cluster's cost per message, same machine, same run (issue #16): one node on H2, one node on PostgreSQL +
 * Redis, three nodes on PostgreSQL + Redis, each under the load of {@link RelayLoadGenerator}'s pairs (sender on node
 * i, its receiver on node i+1, so with three nodes every message crosses nodes), then the stored path on PostgreSQL
 * (recipient offline: blobs stored per second, time to drain them). PostgreSQL and Redis are private servers started
 * here ({@link LocalPostgres}, {@link LocalRedis}); relay nodes are child processes ({@link ServerUnderTest}).
 *
 * <pre>
 * java -Xmx2g -cp bench/target/parley-bench.jar dev.parley.bench.relay.ClusterLoadRun --pairs=30 --messages=1000 \
 *      --warmup=1000 --window=32 --queued=10000
 * </pre>
 *
 * <p>Per configuration, over the measured round only: messages/s, latency p50/p99 (send to receipt), CPU per message
 * of the relay processes (all nodes), of PostgreSQL (the server and its backends, from /proc) and of redis-server
 * (its INFO cpu), PostgreSQL transactions and rows written per message ({@code pg_stat_database}) and Redis commands
 * per message (INFO commandstats).
 *
 * <p>The clients are Parley's own ({@link ClientKind#PARLEY}: lean answers, a window's sends in one WebSocket message,
 * the acks of one incoming message together); {@code --alone=1} uses the independent client instead (every
 * request in its own WebSocket message, today's answers). {@code --storedOnly=1} runs only the stored path, on one
 * node on PostgreSQL + Redis and then one node on H2, each with both kinds of client.
 */
public final class ClusterLoadRun {
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    /**
     * Messages per pair in the unmeasured warm-up round ({@code --warmup}, default a quarter of {@code --messages}).
     * Every node is a fresh JVM: until its JIT compiler has compiled the hot paths (thousands of messages per node) a
     * round measures the compiler as much as the relay, and three nodes pay that three times.
     */
    private static int warmup;

    private final RelayLoadGenerator load;
    private final LocalPostgres postgres;
    private final LocalRedis redis;
    private final StatefulRedisConnection<String, String> redisInfo;
    /** {@code --storedOnly=1}: only the stored path on one node, with each kind of client, same run. */
    private final boolean storedOnly;
    /** The clients of the live rounds and of the stored path ({@code --alone=1}: {@link ClientKind#ALONE}). */
    private final ClientKind kind;

    private ClusterLoadRun(RelayLoadGenerator load, LocalPostgres postgres, LocalRedis redis,
                           StatefulRedisConnection<String, String> redisInfo, boolean storedOnly, ClientKind kind) {
        this.load = load;
        this.postgres = postgres;
        this.redis = redis;
        this.redisInfo = redisInfo;
        this.storedOnly = storedOnly;
        this.kind = kind;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], Integer.parseInt(kv[1]));
        }
        options.putIfAbsent("pairs", 30);
        options.putIfAbsent("messages", 1000);
        RelayLoadGenerator load = new RelayLoadGenerator(options);
        warmup = options.getOrDefault("warmup", load.messages / 4);
        try (LocalPostgres pg = LocalPostgres.start(LocalPostgres.findBinaries().orElseThrow(
                () -> new IllegalStateException("no PostgreSQL binaries (apt-get install postgresql)")));
             LocalRedis redis = LocalRedis.start(LocalRedis.findBinary().orElseThrow(
                     () -> new IllegalStateException("no redis-server (apt-get install redis-server)")))) {
            RedisClient client = RedisClient.create(redis.busUri());
            try (StatefulRedisConnection<String, String> info = client.connect()) {
                new ClusterLoadRun(load, pg, redis, info, options.getOrDefault("storedOnly", 0) == 1,
                        options.getOrDefault("alone", 0) == 1 ? ClientKind.ALONE : ClientKind.PARLEY).run();
            } finally {
                client.shutdown();
            }
        }
        System.exit(0);
    }

    /** What was counted over one measured round. */
    private record Costs(double relayCpuMs, double pgCpuMs, double redisCpuMs, long pgTransactions, long pgRows,
                         long redisCommands, double loadCpuMs, double relayThreadCpuMs) {
        Costs minus(Costs before) {
            return new Costs(relayCpuMs - before.relayCpuMs, pgCpuMs - before.pgCpuMs, redisCpuMs - before.redisCpuMs,
                    pgTransactions - before.pgTransactions, pgRows - before.pgRows, redisCommands - before.redisCommands,
                    loadCpuMs - before.loadCpuMs, relayThreadCpuMs - before.relayThreadCpuMs);
        }
    }

    /** CPU this load generator (clients, measurement) has used so far, in milliseconds. */
    private static double loadCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0);
    }

    private void run() throws Exception {
        RelayLoadGenerator.out("pairs=%d messages/pair=%d warm-up/pair=%d window=%d queued=%d client=%s cores=%d load average %s%n",
                load.pairs, load.messages, warmup, load.window, load.queued, kind, Runtime.getRuntime().availableProcessors(),
                loadAverage());
        RelayLoadGenerator.out("%n| configuration | messages/s | p50 ms | p99 ms | relay CPU µs/msg | PostgreSQL CPU µs/msg "
                + "| Redis CPU µs/msg | PG transactions/msg | PG rows written/msg | Redis commands/msg | load generator CPU µs/msg |%n"
                + "|---|---|---|---|---|---|---|---|---|---|---|%n");
        Path identity = Files.createTempDirectory("parley-cluster-bench-identity");
        if (storedOnly) {
            try (ServerProcess node = clusterNode(identity, 0)) {
                storedPathBothWays("1 node, PostgreSQL + Redis", node, true);
            }
            try (ServerProcess node = new ServerProcess("relay", Files.createTempDirectory("parley-stored-h2").toString())) {
                storedPathBothWays("1 node, H2", node, false);
            }
            RelayLoadGenerator.out("load average after the run %s%n", loadAverage());
            return;
        }
        Path h2 = Files.createTempDirectory("parley-cluster-bench-h2");
        try (ServerProcess node = new ServerProcess("relay", h2.toString())) {
            measure("1 node, H2", List.of(node), "h", false);
        }
        try (ServerProcess node = clusterNode(identity, 0)) {
            measure("1 node, PostgreSQL + Redis", List.of(node), "p", true);
            storedPath("1 node", List.of(node), uri(node), uri(node), "s1", kind, true);
        }
        try (ServerProcess a = clusterNode(identity, 1); ServerProcess b = clusterNode(identity, 2);
             ServerProcess c = clusterNode(identity, 3)) {
            measure("3 nodes, PostgreSQL + Redis", List.of(a, b, c), "t", true);
            storedPath("3 nodes (stored through node 1, drained from node 2)", List.of(a, b, c), uri(a), uri(b), "s3",
                    kind, true);
        }
        RelayLoadGenerator.out("load average after the run %s%n", loadAverage());
    }

    private ServerProcess clusterNode(Path identity, int index) throws Exception {
        Path admin = Files.createTempDirectory("parley-cluster-bench-admin" + index);
        return new ServerProcess("relay-cluster", postgres.storeUri(), redis.busUri(), identity.toString(),
                admin.toString());
    }

    private static URI uri(ServerProcess node) {
        return URI.create("ws://127.0.0.1:" + node.port + "/parley");
    }

    private void measure(String name, List<ServerProcess> nodes, String prefix, boolean engines) throws Exception {
        List<RelayConnection> senders = new ArrayList<>();
        List<RelayConnection> receivers = new ArrayList<>();
        int n = nodes.size();
        for (int i = 0; i < load.pairs; i++) {
            senders.add(load.user(prefix + "sender" + i).connect(kind.uri(uri(nodes.get(i % n))), true));
            receivers.add(load.user(prefix + "receiver" + i).connect(kind.uri(uri(nodes.get((i + 1) % n))), true));
        }
        load.relayRound(kind, senders, receivers, Math.max(1, warmup), 1, prefix + "receiver");
        Thread.sleep(1_500); // PostgreSQL publishes its statistics about once a second
        Costs before = costs(nodes, engines);
        LoadResult result = load.relayRound(kind, senders, receivers, load.messages, 2, prefix + "receiver");
        Thread.sleep(1_500);
        Costs spent = costs(nodes, engines).minus(before);
        double messages = result.messages();
        RelayLoadGenerator.out("| %s | %.0f | %.1f | %.1f | %.1f | %s | %s | %s | %s | %s | %.1f |%n", name, result.perSecond(),
                result.ms(50), result.ms(99), 1000 * spent.relayCpuMs() / messages,
                engines ? String.format("%.1f", 1000 * spent.pgCpuMs() / messages) : "-",
                engines ? String.format("%.1f", 1000 * spent.redisCpuMs() / messages) : "-",
                engines ? String.format("%.3f", spent.pgTransactions() / messages) : "-",
                engines ? String.format("%.3f", spent.pgRows() / messages) : "-",
                engines ? String.format("%.2f", spent.redisCommands() / messages) : "-",
                1000 * spent.loadCpuMs() / messages);
        for (int i = 0; i < load.pairs; i++) {
            senders.get(i).close();
            receivers.get(i).close();
        }
    }

    /**
     * The stored path on one node with each kind of client, same run: an unmeasured pass first (so the node's JIT has
     * compiled the store path before either measured one), then the independent client, then Parley's.
     */
    private void storedPathBothWays(String name, ServerProcess node, boolean engines) throws Exception {
        load.storedPath(uri(node), uri(node), "w" + node.port, ClientKind.PARLEY);
        storedPath(name + ", every request alone", List.of(node), uri(node), uri(node), "a" + node.port,
                ClientKind.ALONE, engines);
        storedPath(name + ", Parley's client", List.of(node), uri(node), uri(node), "p" + node.port,
                ClientKind.PARLEY, engines);
    }

    private void storedPath(String name, List<ServerProcess> nodes, URI sendTo, URI drainFrom, String prefix,
                            ClientKind client, boolean engines) throws Exception {
        Costs before = costs(nodes, engines);
        StoredPathRun.Result path = load.storedPath(sendTo, drainFrom, prefix, client);
        Thread.sleep(1_500);
        Costs spent = costs(nodes, engines).minus(before);
        RelayLoadGenerator.out("stored path, %s: %d blobs stored in %.2f s (%.0f/s), drained in %.0f ms (all acks "
                        + "applied after %.0f ms); PostgreSQL %s transactions and %s rows written per blob (store + drain "
                        + "+ ack), %s µs CPU per blob; relay %.1f µs CPU per blob (its Java threads without JIT and GC "
                        + "%.1f); load generator %.1f µs CPU per blob; load average %s%n",
                name, load.queued, path.storeSeconds(), load.queued / path.storeSeconds(), path.drainMs(),
                path.acknowledgedMs(),
                engines ? String.format("%.2f", spent.pgTransactions() / (double) load.queued) : "-",
                engines ? String.format("%.2f", spent.pgRows() / (double) load.queued) : "-",
                engines ? String.format("%.1f", 1000 * spent.pgCpuMs() / load.queued) : "-",
                1000 * spent.relayCpuMs() / load.queued, 1000 * spent.relayThreadCpuMs() / load.queued,
                1000 * spent.loadCpuMs() / load.queued, loadAverage());
    }

    private Costs costs(List<ServerProcess> nodes, boolean engines) throws Exception {
        double relay = 0;
        double relayThreads = 0;
        for (ServerProcess node : nodes) {
            relay += node.cpuMillis();
            relayThreads += node.threadCpuMillis();
        }
        if (!engines) {
            return new Costs(relay, 0, 0, 0, 0, 0, loadCpuMillis(), relayThreads);
        }
        long transactions;
        long rows;
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/parley",
                "parley", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT xact_commit + xact_rollback, tup_inserted + tup_updated + tup_deleted "
                     + "FROM pg_stat_database WHERE datname = 'parley'")) {
            r.next();
            transactions = r.getLong(1);
            rows = r.getLong(2);
        }
        return new Costs(relay, postgresCpuMillis(), redisCpuMillis(), transactions, rows, redisCommands(), loadCpuMillis(),
                relayThreads);
    }

    /** User + system CPU of the PostgreSQL server and every process it started (backends, workers), from /proc. */
    private double postgresCpuMillis() throws Exception {
        long server = postgres.serverPid();
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] stat;
                try {
                    String line = Files.readString(p.resolve("stat"));
                    stat = line.substring(line.lastIndexOf(')') + 2).split(" ");
                } catch (java.io.IOException gone) {
                    continue;
                }
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid == server || Long.parseLong(stat[1]) == server) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        }
        return ticks * 1000.0 / CLOCK_TICKS_PER_SECOND;
    }

    private double redisCpuMillis() {
        double seconds = 0;
        for (String line : redisInfo.sync().info("cpu").split("\r?\n")) {
            if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return seconds * 1000;
    }

    /** Every command Redis has run (INFO commandstats), less the INFO calls of this measurement. */
    private long redisCommands() {
        long calls = 0;
        for (String line : redisInfo.sync().info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_") && !line.startsWith("cmdstat_info:")) {
                int at = line.indexOf("calls=") + "calls=".length();
                calls += Long.parseLong(line.substring(at, line.indexOf(',', at)));
            }
        }
        return calls;
    }

    private static String loadAverage() throws Exception {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }
}
