package dev.parley.bench.relay;

import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

/**
 * Load generator for the relay, measured against a bare Tyrus forwarder in the same run. Both servers run as child
 * processes ({@link ServerUnderTest}) so their RSS and heap are their own.
 *
 * <pre>
 * java -Xmx2g -cp bench/target/parley-bench.jar dev.parley.bench.relay.RelayLoadGenerator \
 *      --pairs=50 --messages=2000 --window=32 --idle=10000 --queued=10000
 * </pre>
 *
 * Throughput: N sender/receiver pairs, each sending M sealed 200-byte messages with at most W in flight (a message is
 * in flight from send until the receiver gets it); latency is send to receipt. Relay receivers acknowledge every
 * delivery, so each message is stored, delivered and deleted. Then, on the relay only: heap per idle authenticated
 * connection, and the time to drain a queue of Q blobs to a reconnecting client. The rounds are {@link ClientRounds}
 * and {@link BareRounds}, the queue {@link StoredPathRun}; the other relay benchmarks share them through this class.
 */
public final class RelayLoadGenerator {
    static final int BLOB_BYTES = 200;

    private final CryptoProvider crypto = CryptoProviders.preferred();
    private final ClientManager client = ClientManager.createClient();
    final int pairs;
    final int messages;
    final int window;
    private final int idle;
    final int queued;
    private final boolean memoryToo;
    private final ClientRounds rounds;

    RelayLoadGenerator(Map<String, Integer> options) {
        this.pairs = options.getOrDefault("pairs", 50);
        this.messages = options.getOrDefault("messages", 2000);
        this.window = options.getOrDefault("window", 32);
        this.idle = options.getOrDefault("idle", 10_000);
        this.queued = options.getOrDefault("queued", 10_000);
        this.memoryToo = options.getOrDefault("memory", 0) == 1;
        this.rounds = new ClientRounds(pairs, window, BLOB_BYTES);
        client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        // A machine shared with other builds can take longer than the default 30 s to answer a handshake.
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, 120_000);
    }

    ClientManager client() {
        return client;
    }

    /** A relay account of this generator (not yet registered: {@link LoadUser#connect} registers it). */
    final class User extends LoadUser {
        User(String name) {
            super(crypto, client, name);
        }
    }

    /** A new {@link User}. */
    LoadUser user(String name) {
        return new User(name);
    }

    /** {@code uri} as Parley's own client opens it ({@link ClientKind#PARLEY}). */
    static URI parleyClient(URI uri) {
        return ClientKind.PARLEY.uri(uri);
    }

    /** {@link ClientRounds#runLoops}. */
    static double runLoops(List<Runnable> loops, java.util.concurrent.CountDownLatch done) throws InterruptedException {
        return ClientRounds.runLoops(loops, done);
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], Integer.parseInt(kv[1]));
        }
        new RelayLoadGenerator(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        out("pairs=%d messages/pair=%d window=%d blob=%dB idle=%d queued=%d cores=%d%n", pairs, messages, window,
                BLOB_BYTES, idle, queued, Runtime.getRuntime().availableProcessors());
        LoadResult bare;
        try (ServerProcess server = new ServerProcess("bare")) {
            bare = bareThroughput(server);
        }
        Path dataDir = Files.createTempDirectory("parley-relay-bench");
        LoadResult relay;
        long heapPerIdle;
        long idleRss;
        double drainMs;
        LoadResult memory = null;
        if (memoryToo) {
            try (ServerProcess server = new ServerProcess("relay-memory")) {
                memory = relayThroughput(server, URI.create("ws://127.0.0.1:" + server.port + "/parley"));
            }
        }
        try (ServerProcess server = new ServerProcess("relay", dataDir.toString())) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port + "/parley");
            relay = relayThroughput(server, uri);
            heapPerIdle = 0;
            idleRss = 0;
            List<RelayConnection> held = List.of();
            if (idle > 0) {
                long before = server.heapBytes();
                held = holdIdleConnections(uri);
                long after = server.heapBytes();
                heapPerIdle = (after - before) / idle;
                idleRss = server.rssKb();
            }
            drainMs = queued > 0 ? storedPath(uri, uri, "drain", ClientKind.ALONE).drainMs() : 0;
            for (RelayConnection c : held) {
                c.close();
            }
        }
        out("%n| server | messages/s | p50 ms | p95 ms | p99 ms | server RSS MiB |%n|---|---|---|---|---|---|%n");
        List<LoadResult> results = new ArrayList<>(List.of(bare, relay));
        if (memory != null) {
            results.add(new LoadResult("Parley relay, in-memory stores", memory.messages(), memory.seconds(), memory.latency(), memory.rssKb()));
        }
        for (LoadResult r : results) {
            out("| %s | %.0f | %.2f | %.2f | %.2f | %d |%n", r.name(), r.perSecond(), r.ms(50), r.ms(95), r.ms(99),
                    r.rssKb() / 1024);
        }
        out("%nrelay/bare throughput: %.0f%%   relay p99 / bare p99: %.2fx%n", 100 * relay.perSecond() / bare.perSecond(),
                relay.ms(99) / bare.ms(99));
        if (idle > 0) {
            out("%d idle authenticated connections: %d bytes of relay heap each (relay RSS %d MiB)%n", idle, heapPerIdle,
                    idleRss / 1024);
        }
        if (queued > 0) {
            out("%d queued blobs drained to a reconnecting client in %.0f ms%n", queued, drainMs);
        }
    }

    private LoadResult bareThroughput(ServerProcess server) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + server.port + "/bare");
        List<BareConnection> senders = new ArrayList<>();
        List<BareConnection> receivers = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            senders.add(BareConnection.open(client, uri, 2 * i));
            receivers.add(BareConnection.open(client, uri, 2 * i + 1));
        }
        Thread.sleep(200);
        BareRounds bareRounds = new BareRounds(pairs, window, BLOB_BYTES);
        bareRounds.round(senders, receivers, Math.max(1, messages / 4));
        LoadResult result = bareRounds.round(senders, receivers, messages);
        for (int i = 0; i < pairs; i++) {
            senders.get(i).close();
            receivers.get(i).close();
        }
        return new LoadResult("bare Tyrus forwarder", result.messages(), result.seconds(), result.latency(), server.rssKb());
    }

    /** The relay's throughput in Parley-client mode: lean answers, sends and acks coalesced as the desktop client does. */
    private LoadResult relayThroughput(ServerProcess server, URI relayUri) throws Exception {
        URI uri = ClientKind.PARLEY.uri(relayUri);
        List<RelayConnection> senders = new ArrayList<>();
        List<RelayConnection> receivers = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            senders.add(user("sender" + i).connect(uri, true));
            receivers.add(user("receiver" + i).connect(uri, true));
        }
        relayRound(ClientKind.PARLEY, senders, receivers, Math.max(1, messages / 4), 1, "receiver");
        LoadResult result = relayRound(ClientKind.PARLEY, senders, receivers, messages, 2, "receiver");
        long rss = server.rssKb();
        out("relay on port %d, both rounds: %s%n", uri.getPort(), storePath(uri));
        for (int i = 0; i < pairs; i++) {
            senders.get(i).close();
            receivers.get(i).close();
        }
        return new LoadResult("Parley relay (H2, auth, ack; Parley client: lean answers)", result.messages(), result.seconds(), result.latency(), rss);
    }

    /** {@link #relayRound(ClientKind, List, List, int, long, String)} with Parley's client. */
    LoadResult relayRound(List<RelayConnection> senders, List<RelayConnection> receivers, int count, long round,
                          String receiverPrefix) throws Exception {
        return relayRound(ClientKind.PARLEY, senders, receivers, count, round, receiverPrefix);
    }

    /** One round of {@link ClientRounds} with this generator's pairs, window and 200-byte blobs. */
    LoadResult relayRound(ClientKind kind, List<RelayConnection> senders, List<RelayConnection> receivers, int count,
                          long round, String receiverPrefix) throws Exception {
        return rounds.round(kind, senders, receivers, count, round, receiverPrefix);
    }

    /** How the relay routed the blobs so far, from its {@code /metrics}: direct (never stored) versus stored. */
    private static String storePath(URI uri) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uri.getPort() + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        StringBuilder out = new StringBuilder();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("parley_relay_messages_direct_total ") || line.startsWith("parley_relay_messages_stored_total ")
                    || line.startsWith("parley_relay_messages_stored_after_grace_total ")) {
                out.append(line.substring("parley_relay_messages_".length()).replace("_total", "=")
                        .replace("= ", "=")).append("  ");
            } else if (line.startsWith("parley_relay_websocket_messages_") || line.startsWith("parley_relay_frames_")) {
                out.append(line.substring("parley_relay_".length()).replace("_total", "=")
                        .replace("= ", "=")).append("  ");
            }
        }
        return out.toString().trim();
    }

    private List<RelayConnection> holdIdleConnections(URI uri) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<RelayConnection>> futures = new ArrayList<>();
        for (int i = 0; i < idle; i++) {
            String name = "idle" + i;
            futures.add(pool.submit(() -> user(name).connect(uri, true)));
        }
        List<RelayConnection> held = new ArrayList<>();
        for (Future<RelayConnection> f : futures) {
            held.add(f.get(10, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return held;
    }

    /** {@link StoredPathRun}: {@link #queued} 200-byte blobs stored through {@code sendTo}, drained from {@code drainFrom}. */
    StoredPathRun.Result storedPath(URI sendTo, URI drainFrom, String prefix, ClientKind kind) throws Exception {
        return new StoredPathRun(client, this::user, queued, BLOB_BYTES).run(sendTo, drainFrom, prefix, kind);
    }

    static void out(String format, Object... args) {
        System.out.printf(Locale.ROOT, format, args);
        System.out.flush();
    }
}
