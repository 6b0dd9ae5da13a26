package dev.parley.bench.relay;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.primitives.MlKem1024;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.FlushScope;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
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
 * connection, and the time to drain a queue of Q blobs to a reconnecting client.
 */
public final class RelayLoadGenerator {
    private static final int BLOB_BYTES = 200;
    /** How long one handshake step may take: generous, as the machine is shared with other builds. */
    private static final long TIMEOUT_SECONDS = 120;

    record Result(String name, long messages, double seconds, Histogram latency, long rssKb) {
        double perSecond() {
            return messages / seconds;
        }

        double ms(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }
    }

    private final CryptoProvider crypto = CryptoProviders.preferred();
    private final ClientManager client = ClientManager.createClient();
    final int pairs;
    final int messages;
    final int window;
    private final int idle;
    final int queued;
    private final boolean memoryToo;

    RelayLoadGenerator(Map<String, Integer> options) {
        this.pairs = options.getOrDefault("pairs", 50);
        this.messages = options.getOrDefault("messages", 2000);
        this.window = options.getOrDefault("window", 32);
        this.idle = options.getOrDefault("idle", 10_000);
        this.queued = options.getOrDefault("queued", 10_000);
        this.memoryToo = options.getOrDefault("memory", 0) == 1;
        client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        // A machine shared with other builds can take longer than the default 30 s to answer a handshake.
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, 120_000);
    }

    ClientManager client() {
        return client;
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
        Result bare;
        try (ServerProcess server = new ServerProcess("bare")) {
            bare = bareThroughput(server);
        }
        Path dataDir = Files.createTempDirectory("parley-relay-bench");
        Result relay;
        long heapPerIdle;
        long idleRss;
        double drainMs;
        Result memory = null;
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
            drainMs = queued > 0 ? drain(uri) : 0;
            for (RelayConnection c : held) {
                c.close();
            }
        }
        out("%n| server | messages/s | p50 ms | p95 ms | p99 ms | server RSS MiB |%n|---|---|---|---|---|---|%n");
        List<Result> results = new ArrayList<>(List.of(bare, relay));
        if (memory != null) {
            results.add(new Result("Parley relay, in-memory stores", memory.messages(), memory.seconds(), memory.latency(), memory.rssKb()));
        }
        for (Result r : results) {
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

    // ---------------------------------------------------------------- bare forwarder

    private Result bareThroughput(ServerProcess server) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + server.port + "/bare");
        List<BareConnection> senders = new ArrayList<>();
        List<BareConnection> receivers = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            senders.add(BareConnection.open(client, uri, 2 * i));
            receivers.add(BareConnection.open(client, uri, 2 * i + 1));
        }
        Thread.sleep(200);
        bareRound(senders, receivers, Math.max(1, messages / 4));
        Result result = bareRound(senders, receivers, messages);
        for (int i = 0; i < pairs; i++) {
            senders.get(i).close();
            receivers.get(i).close();
        }
        return new Result("bare Tyrus forwarder", result.messages(), result.seconds(), result.latency(), server.rssKb());
    }

    private Result bareRound(List<BareConnection> senders, List<BareConnection> receivers, int count) throws Exception {
        ConcurrentHistogram latency = new ConcurrentHistogram(3);
        CountDownLatch done = new CountDownLatch(pairs * count);
        List<Runnable> loops = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Semaphore inFlight = new Semaphore(window);
            int target = 2 * i + 1;
            receivers.get(i).onMessage(m -> {
                latency.recordValue(Math.max(1, System.nanoTime() - ByteBuffer.wrap(m).getLong(12)));
                inFlight.release();
                done.countDown();
            });
            BareConnection sender = senders.get(i);
            loops.add(() -> {
                for (int k = 0; k < count; k++) {
                    inFlight.acquireUninterruptibly();
                    byte[] m = new byte[4 + BLOB_BYTES];
                    ByteBuffer.wrap(m).putInt(0, target).putLong(4, k).putLong(12, System.nanoTime());
                    sender.send(m);
                }
            });
        }
        double seconds = runLoops(loops, done);
        return new Result("bare", (long) pairs * count, seconds, latency, 0);
    }

    // ---------------------------------------------------------------- relay

    final class User {
        final String name;
        final Ed25519KeyPair identity = crypto.ed25519().generateKeyPair();
        final SignedPreKeyPublic signedPreKey;
        final KemPreKeyPublic lastResortKemPreKey;

        User(String name) {
            this.name = name;
            byte[] pub = crypto.x25519().generateKeyPair().publicKey();
            signedPreKey = new SignedPreKeyPublic(1, pub, crypto.ed25519().sign(identity, SignedPreKeyPublic.signedMessage(1, pub)));
            byte[] kem = MlKem1024.publicKey(SecretBytes.wrap(crypto.random().bytes(MlKem1024.SEED_BYTES)));
            lastResortKemPreKey = new KemPreKeyPublic(1, kem, crypto.ed25519().sign(identity, KemPreKeyPublic.signedMessage(1, kem)));
        }

        /** Registers and authenticates on a fresh connection; returns once the queue is drained. */
        RelayConnection connect(URI uri, boolean register) throws Exception {
            return connect(uri, register, List.of());
        }

        /** {@link #connect(URI, boolean)}, registering with these one-time prekeys. */
        RelayConnection connect(URI uri, boolean register, List<OneTimePreKeyPublic> oneTimePreKeys) throws Exception {
            RelayConnection c = RelayConnection.open(client, uri);
            if (register) {
                Push.Challenge ch = c.challenge.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                byte[] proof = crypto.ed25519().sign(identity, AuthProof.registrationMessage(ch.relayId(), name));
                Response r = c.request(new Request.Register(name, identity.publicKey(), signedPreKey, oneTimePreKeys,
                        lastResortKemPreKey, List.of(), null, proof))
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (!(r instanceof Response.Ok)) {
                    throw new IllegalStateException("registration failed: " + r);
                }
            }
            authenticate(c);
            c.queueEmpty.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return c;
        }

        Response authenticate(RelayConnection c) throws Exception {
            Push.Challenge ch = c.challenge.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Response r = c.request(new Request.Authenticate(name, crypto.ed25519().sign(identity,
                    AuthProof.signedMessage(ch.relayId(), ch.nonce(), name, AuthProof.noChannel())))).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!(r instanceof Response.Authenticated)) {
                throw new IllegalStateException("authentication failed: " + r);
            }
            return r;
        }
    }

    /**
     * {@code uri} as Parley's own client opens it: asking for lean answers (docs/protocol.md part 2, "Lean answers"; the
     * desktop client's {@code TyrusRelayConnector} does the same).
     */
    static URI parleyClient(URI uri) {
        return URI.create(uri + "?answers=lean");
    }

    /** The relay's throughput in Parley-client mode: lean answers, sends and acks coalesced as the desktop client does. */
    private Result relayThroughput(ServerProcess server, URI relayUri) throws Exception {
        URI uri = parleyClient(relayUri);
        List<RelayConnection> senders = new ArrayList<>();
        List<RelayConnection> receivers = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            senders.add(new User("sender" + i).connect(uri, true));
            receivers.add(new User("receiver" + i).connect(uri, true));
        }
        relayRound(senders, receivers, Math.max(1, messages / 4), 1);
        Result result = relayRound(senders, receivers, messages, 2);
        long rss = server.rssKb();
        out("relay on port %d, both rounds: %s%n", uri.getPort(), storePath(uri));
        for (int i = 0; i < pairs; i++) {
            senders.get(i).close();
            receivers.get(i).close();
        }
        return new Result("Parley relay (H2, auth, ack; Parley client: lean answers)", result.messages(), result.seconds(), result.latency(), rss);
    }

    private Result relayRound(List<RelayConnection> senders, List<RelayConnection> receivers, int count, long round)
            throws Exception {
        return relayRound(senders, receivers, count, round, "receiver");
    }

    /** One round: sender i sends {@code count} blobs to user {@code receiverPrefix + i}, connected as receiver i. */
    Result relayRound(List<RelayConnection> senders, List<RelayConnection> receivers, int count, long round,
                      String receiverPrefix) throws Exception {
        ConcurrentHistogram latency = new ConcurrentHistogram(3);
        CountDownLatch done = new CountDownLatch(pairs * count);
        List<Runnable> loops = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Semaphore inFlight = new Semaphore(window);
            RelayConnection receiver = receivers.get(i);
            receiver.onDeliver(d -> {
                latency.recordValue(Math.max(1, System.nanoTime() - ByteBuffer.wrap(d.blob()).getLong(8)));
                receiver.fire(new Request.Ack(d.messageId()));
                inFlight.release();
                done.countDown();
            });
            RelayConnection sender = senders.get(i);
            String to = receiverPrefix + i;
            long pair = i;
            loops.add(() -> {
                int k = 0;
                while (k < count) {
                    // Everything the window allows right now leaves together, as a client's outbox flush does.
                    inFlight.acquireUninterruptibly();
                    int available = 1 + inFlight.drainPermits();
                    int burst = Math.min(count - k, available);
                    if (available > burst) {
                        inFlight.release(available - burst);
                    }
                    List<Request.Send> sends = new ArrayList<>(burst);
                    for (int b = 0; b < burst; b++, k++) {
                        byte[] blob = new byte[BLOB_BYTES];
                        byte[] id = new byte[16];
                        ByteBuffer.wrap(id).putLong(0, round).putLong(8, (pair << 32) | k);
                        ByteBuffer.wrap(blob).putLong(0, k).putLong(8, System.nanoTime());
                        sends.add(new Request.Send(to, id, blob));
                    }
                    sender.fireAll(sends);
                }
            });
        }
        double seconds = runLoops(loops, done);
        return new Result("relay", (long) pairs * count, seconds, latency, 0);
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
            futures.add(pool.submit(() -> new User(name).connect(uri, true)));
        }
        List<RelayConnection> held = new ArrayList<>();
        for (Future<RelayConnection> f : futures) {
            held.add(f.get(10, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return held;
    }

    private double drain(URI uri) throws Exception {
        return storedPath(uri, uri, "drain").drainMs();
    }

    /** Storing {@link #queued} blobs for an offline recipient, then draining them to it. */
    record StoredPath(double storeSeconds, double drainMs) {
    }

    /** Stores {@link #queued} blobs for an offline user through {@code sendTo}, then drains them from {@code drainFrom}. */
    StoredPath storedPath(URI sendTo, URI drainFrom, String prefix) throws Exception {
        return storedPath(sendTo, drainFrom, prefix, false);
    }

    /**
     * {@link #storedPath(URI, URI, String)}; with {@code coalesced} the sender sends whatever its window allows at once
     * in one WebSocket message (as the desktop client's outbox does), otherwise every {@code send} alone.
     */
    StoredPath storedPath(URI sendTo, URI drainFrom, String prefix, boolean coalesced) throws Exception {
        User sender = new User(prefix + "-sender");
        User target = new User(prefix + "-target");
        RelayConnection s = sender.connect(sendTo, true);
        target.connect(drainFrom, true).close();
        long storeStart = System.nanoTime();
        Semaphore inFlight = new Semaphore(256);
        CountDownLatch accepted = new CountDownLatch(queued);
        int k = 0;
        while (k < queued) {
            inFlight.acquire();
            int n = 1;
            if (coalesced) {
                int drained = inFlight.drainPermits();
                int more = Math.min(drained, queued - k - 1);
                inFlight.release(drained - more);
                n += more;
            }
            int first = k;
            int count = n;
            FlushScope.run(() -> {
                for (int j = first; j < first + count; j++) {
                    byte[] id = ByteBuffer.allocate(16).putLong(8, j).array();
                    s.request(new Request.Send(target.name, id, new byte[BLOB_BYTES])).whenComplete((r, e) -> {
                        if (!(r instanceof Response.SendAccepted)) {
                            throw new IllegalStateException("send refused: " + r);
                        }
                        inFlight.release();
                        accepted.countDown();
                    });
                }
            });
            k += n;
        }
        accepted.await(5, TimeUnit.MINUTES);
        double storeSeconds = (System.nanoTime() - storeStart) / 1e9;
        RelayConnection t = RelayConnection.open(client, drainFrom);
        AtomicInteger delivered = new AtomicInteger();
        t.onDeliver(d -> delivered.incrementAndGet());
        t.challenge.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long start = System.nanoTime();
        target.authenticate(t);
        t.queueEmpty.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        double ms = (System.nanoTime() - start) / 1e6;
        if (delivered.get() != queued) {
            throw new IllegalStateException("drained " + delivered.get() + " of " + queued);
        }
        s.close();
        t.close();
        return new StoredPath(storeSeconds, ms);
    }

    static double runLoops(List<Runnable> loops, CountDownLatch done) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (Runnable loop : loops) {
            Thread t = new Thread(loop, "load");
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("messages were lost: " + done.getCount() + " never arrived");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static void out(String format, Object... args) {
        System.out.printf(Locale.ROOT, format, args);
        System.out.flush();
    }
}
