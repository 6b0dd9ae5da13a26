package dev.parley.bench.relay;

import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.wire.Request;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Issue #16's single-node targets, measured the way the independent load client did: every request in its
 * own WebSocket message (as independent users send), every send answered by {@code send_accepted}, every delivery
 * acknowledged on its own. Same run, same machine: the bare Tyrus forwarder, then the relay on H2.
 *
 * <pre>
 * java -Xmx2g -cp bench/target/parley-bench.jar dev.parley.bench.relay.SingleNodeTargets \
 *      --pairs=20 --messages=2000 --window=16 --blob=750 --accounts=10000 --prekeys=100
 * </pre>
 * {@code --cpu=0} skips the CPU rounds; {@code --settle=150} reads the RSS again after 150 s idle (the packaged
 * relay's periodic collection); {@code --probeAt=2000} adds where the idle accounts' memory goes (class histogram and
 * native memory deltas per account; start the relay with
 * {@code -Dparley.bench.serverJvmArgs=-XX:NativeMemoryTracking=summary} for the native side).
 *
 * <ul>
 *   <li>Server CPU per delivered message (user + system time of the server process over the measured round, from the
 *       OS), relay against forwarder (target: at most 1.6x): with today's answers, and with lean answers (no
 *       {@code ok} for an ack, {@code send_accepted} gathered for up to 20 ms) in the same relay and run.</li>
 *   <li>RSS growth per idle authenticated account that uploaded {@code prekeys} one-time prekeys (target: at most
 *       40 KB at 10,000 accounts), with the heap after a full GC for comparison.</li>
 * </ul>
 */
public final class SingleNodeTargets {
    private final RelayLoadGenerator load;
    private final int blobBytes;
    private final int accounts;
    private final int prekeys;
    /** 0 skips the CPU rounds (only the idle accounts are measured). */
    private final int cpu;
    /** If above 0: jcmd snapshots (class histogram, native memory) before the accounts, at this many and at the end. */
    private final int probeAt;
    /** If above 0: seconds the relay is left idle after the sign-ins before its RSS is read again (periodic GC). */
    private final int settle;

    private SingleNodeTargets(Map<String, Integer> options) {
        this.load = new RelayLoadGenerator(options);
        this.blobBytes = options.getOrDefault("blob", 750);
        this.accounts = options.getOrDefault("accounts", 10_000);
        this.prekeys = options.getOrDefault("prekeys", 100);
        this.cpu = options.getOrDefault("cpu", 1);
        this.probeAt = options.getOrDefault("probeAt", 0);
        this.settle = options.getOrDefault("settle", 0);
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], Integer.parseInt(kv[1]));
        }
        new SingleNodeTargets(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        RelayLoadGenerator.out("pairs=%d messages/pair=%d window=%d blob=%dB accounts=%d prekeys=%d cores=%d load average %s%n",
                load.pairs, load.messages, load.window, blobBytes, accounts, prekeys,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        double[] bare = cpu != 0 ? bareForwarder() : new double[2];
        Path dataDir = Files.createTempDirectory("parley-single-node");
        try (ServerProcess server = new ServerProcess("relay", dataDir.toString())) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port + "/parley");
            if (cpu != 0) {
                relayRounds(server, uri, bare[0], bare[1]);
            }
            if (accounts > 0) {
                idleAccounts(server, uri);
            }
        }
        RelayLoadGenerator.out("load average after the run %s%n", loadAverage());
    }

    private void relayRounds(ServerProcess server, URI uri, double bareCpu, double barePerSecond) throws Exception {
        // The same relay, same run: clients that keep today's answers, and clients that ask for lean answers
        // (docs/protocol.md part 2, "Lean answers": no ok for an ack, send_accepted may wait up to 20 ms).
        URI leanUri = URI.create(uri + "?answers=lean");
        List<RelayConnection> senders = new ArrayList<>();
        List<RelayConnection> receivers = new ArrayList<>();
        List<RelayConnection> leanSenders = new ArrayList<>();
        List<RelayConnection> leanReceivers = new ArrayList<>();
        // Parley's own client (issue #16): lean answers, and it sends what its window allows together and
        // acknowledges the deliveries of one incoming message together (RelayLoadGenerator's Parley-client mode).
        URI parleyUri = RelayLoadGenerator.parleyClient(uri);
        List<RelayConnection> parleySenders = new ArrayList<>();
        List<RelayConnection> parleyReceivers = new ArrayList<>();
        for (int i = 0; i < load.pairs; i++) {
            senders.add(load.new User("sender" + i).connect(uri, true));
            receivers.add(load.new User("receiver" + i).connect(uri, true));
            leanSenders.add(load.new User("leansender" + i).connect(leanUri, true));
            leanReceivers.add(load.new User("leanreceiver" + i).connect(leanUri, true));
            parleySenders.add(load.new User("parleysender" + i).connect(parleyUri, true));
            parleyReceivers.add(load.new User("parleyreceiver" + i).connect(parleyUri, true));
        }
        int warmUp = Math.max(1, load.messages / 4);
        relayRound(senders, receivers, "receiver", warmUp, 1);
        relayRound(leanSenders, leanReceivers, "leanreceiver", warmUp, 1);
        load.relayRound(parleySenders, parleyReceivers, warmUp, 1, "parleyreceiver");
        Round plain = measured(server, () -> relayRound(senders, receivers, "receiver", load.messages, 2));
        Round lean = measured(server, () -> relayRound(leanSenders, leanReceivers, "leanreceiver", load.messages, 2));
        Round parley = measured(server,
                () -> load.relayRound(parleySenders, parleyReceivers, load.messages, 2, "parleyreceiver").seconds());
        RelayLoadGenerator.out("%n| server | messages/s | server CPU µs/msg | WebSocket messages in / out per message |%n"
                        + "|---|---|---|---|%n| bare Tyrus forwarder | %.0f | %.1f | 1 / 1 |%n"
                        + "| Parley relay (H2), one request per WebSocket message | %.0f | %.1f | %.2f / %.2f |%n"
                        + "| Parley relay (H2), the same with lean answers | %.0f | %.1f | %.2f / %.2f |%n"
                        + "| Parley relay (H2), Parley's client (lean answers, sends and acks coalesced) | %.0f | %.1f | %.2f / %.2f |%n"
                        + "relay / forwarder CPU per message: %.2fx, with lean answers %.2fx, Parley's client %.2fx"
                        + " (target <= 1.6x)%n",
                barePerSecond, bareCpu, plain.perSecond, plain.cpuMicros, plain.messagesIn, plain.messagesOut,
                lean.perSecond, lean.cpuMicros, lean.messagesIn, lean.messagesOut,
                parley.perSecond, parley.cpuMicros, parley.messagesIn, parley.messagesOut,
                plain.cpuMicros / bareCpu, lean.cpuMicros / bareCpu, parley.cpuMicros / bareCpu);
        for (int i = 0; i < load.pairs; i++) {
            senders.get(i).close();
            receivers.get(i).close();
            leanSenders.get(i).close();
            leanReceivers.get(i).close();
            parleySenders.get(i).close();
            parleyReceivers.get(i).close();
        }
    }

    /** The bare Tyrus forwarder's server CPU per message (µs) and messages/s. */
    private double[] bareForwarder() throws Exception {
        try (ServerProcess server = new ServerProcess("bare")) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port + "/bare");
            List<BareConnection> senders = new ArrayList<>();
            List<BareConnection> receivers = new ArrayList<>();
            for (int i = 0; i < load.pairs; i++) {
                senders.add(BareConnection.open(load.client(), uri, 2 * i));
                receivers.add(BareConnection.open(load.client(), uri, 2 * i + 1));
            }
            bareRound(senders, receivers, Math.max(1, load.messages / 4));
            long cpuBefore = server.cpuMillis();
            double seconds = bareRound(senders, receivers, load.messages);
            double bareCpu = (server.cpuMillis() - cpuBefore) * 1000.0 / ((double) load.pairs * load.messages);
            double barePerSecond = load.pairs * load.messages / seconds;
            for (int i = 0; i < load.pairs; i++) {
                senders.get(i).close();
                receivers.get(i).close();
            }
            return new double[] {bareCpu, barePerSecond};
        }
    }

    /** One measured round's figures: messages/s, server CPU and WebSocket messages (in, out) per delivered message. */
    private record Round(double perSecond, double cpuMicros, double messagesIn, double messagesOut) {
    }

    /** A round of {@link #load}'s pairs that returns its wall time in seconds. */
    private interface TimedRound {
        double seconds() throws Exception;
    }

    private Round measured(ServerProcess server, TimedRound round) throws Exception {
        Map<String, Double> before = server.metrics();
        long cpu = server.cpuMillis();
        double seconds = round.seconds();
        long cpuAfter = server.cpuMillis();
        Map<String, Double> after = server.metrics();
        double count = (double) load.pairs * load.messages;
        return new Round(count / seconds, (cpuAfter - cpu) * 1000.0 / count,
                delta(before, after, "parley_relay_websocket_messages_received_total") / count,
                delta(before, after, "parley_relay_websocket_messages_sent_total") / count);
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String metric) {
        return after.getOrDefault(metric, 0.0) - before.getOrDefault(metric, 0.0);
    }

    private double bareRound(List<BareConnection> senders, List<BareConnection> receivers, int count) throws Exception {
        CountDownLatch done = new CountDownLatch(load.pairs * count);
        List<Runnable> loops = new ArrayList<>();
        for (int i = 0; i < load.pairs; i++) {
            Semaphore inFlight = new Semaphore(load.window);
            int target = 2 * i + 1;
            receivers.get(i).onMessage(m -> {
                inFlight.release();
                done.countDown();
            });
            BareConnection sender = senders.get(i);
            loops.add(() -> {
                for (int k = 0; k < count; k++) {
                    inFlight.acquireUninterruptibly();
                    byte[] m = new byte[4 + blobBytes];
                    ByteBuffer.wrap(m).putInt(0, target).putLong(4, k);
                    sender.send(m);
                }
            });
        }
        return RelayLoadGenerator.runLoops(loops, done);
    }

    /** Every send and every acknowledgement in its own WebSocket message; a sender's window frees at delivery. */
    private double relayRound(List<RelayConnection> senders, List<RelayConnection> receivers, String receiverPrefix,
                              int count, long round) throws Exception {
        CountDownLatch done = new CountDownLatch(load.pairs * count);
        List<Runnable> loops = new ArrayList<>();
        for (int i = 0; i < load.pairs; i++) {
            Semaphore inFlight = new Semaphore(load.window);
            RelayConnection receiver = receivers.get(i);
            receiver.onDeliver(d -> {
                receiver.fireAlone(new Request.Ack(d.messageId()));
                inFlight.release();
                done.countDown();
            });
            RelayConnection sender = senders.get(i);
            String to = receiverPrefix + i;
            long pair = i;
            loops.add(() -> {
                for (int k = 0; k < count; k++) {
                    inFlight.acquireUninterruptibly();
                    byte[] id = new byte[16];
                    ByteBuffer.wrap(id).putLong(0, round).putLong(8, (pair << 32) | k);
                    sender.fireAlone(new Request.Send(to, id, new byte[blobBytes]));
                }
            });
        }
        return RelayLoadGenerator.runLoops(loops, done);
    }

    /**
     * RSS and heap growth per idle authenticated account holding {@link #prekeys} one-time prekeys. With
     * {@link #probeAt}, also where it goes: jcmd snapshots before the accounts, at {@code probeAt} accounts and at the
     * end, and the growth between them per account by class and native memory category ({@link MemoryProbe}).
     */
    private void idleAccounts(ServerProcess server, URI uri) throws Exception {
        long rssBefore = server.rssKb();
        long heapBefore = server.heapBytes();
        MemoryProbe probe = probeAt > 0 ? new MemoryProbe(server.pid(), Files.createTempDirectory("parley-memory")) : null;
        List<MemoryProbe.Snapshot> snapshots = new ArrayList<>();
        if (probe != null) {
            snapshots.add(probe.take("0", rssBefore));
        }
        List<OneTimePreKeyPublic> keys = new ArrayList<>();
        for (int k = 1; k <= prekeys; k++) {
            byte[] pub = new byte[32];
            ByteBuffer.wrap(pub).putInt(k);
            keys.add(new OneTimePreKeyPublic(k, pub));
        }
        List<RelayConnection> held = new ArrayList<>();
        List<Integer> stages = probe != null && probeAt < accounts ? List.of(probeAt, accounts) : List.of(accounts);
        long rssAfter = rssBefore;
        for (int stage : stages) {
            connect(uri, keys, held, stage);
            rssAfter = server.rssKb();
            RelayLoadGenerator.out("%d accounts connected: RSS %d MiB, load average %s%n", held.size(), rssAfter / 1024,
                    loadAverage());
            if (probe != null) {
                snapshots.add(probe.take(Integer.toString(stage), rssAfter));
            }
        }
        if (settle > 0) {
            // An idle relay: nothing happens but the JVM's own periodic collection (-XX:G1PeriodicGCInterval).
            Thread.sleep(settle * 1000L);
            long rssSettled = server.rssKb();
            RelayLoadGenerator.out("after %d s idle: RSS %d MiB, +%.1f KB per account, load average %s%n", settle,
                    rssSettled / 1024, (rssSettled - rssBefore) / (double) accounts, loadAverage());
        }
        long heapAfter = server.heapBytes();
        long rssAfterGc = server.rssKb();
        RelayLoadGenerator.out("%d idle authenticated accounts with %d one-time prekeys each: RSS +%.1f KB per account "
                        + "(%d -> %d MiB; %d MiB after a full GC), heap after GC +%.1f KB per account (target: RSS <= 40 KB)%n",
                accounts, prekeys, (rssAfter - rssBefore) / (double) accounts, rssBefore / 1024, rssAfter / 1024,
                rssAfterGc / 1024, (heapAfter - heapBefore) / 1024.0 / accounts);
        for (int i = 1; i < snapshots.size(); i++) {
            MemoryProbe.Snapshot from = snapshots.get(i - 1);
            MemoryProbe.Snapshot to = snapshots.get(i);
            RelayLoadGenerator.out("%s", MemoryProbe.perAccount(from, to,
                    Integer.parseInt(to.label()) - Integer.parseInt(from.label()), 25));
        }
        for (RelayConnection c : held) {
            c.close();
        }
    }

    /** Signs in idle accounts (8 at a time) until {@code held} has {@code total}. */
    private void connect(URI uri, List<OneTimePreKeyPublic> keys, List<RelayConnection> held, int total)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<RelayConnection>> futures = new ArrayList<>();
        for (int i = held.size(); i < total; i++) {
            String name = "idle" + i;
            futures.add(pool.submit(() -> load.new User(name).connect(uri, true, keys)));
        }
        for (Future<RelayConnection> f : futures) {
            held.add(f.get(20, TimeUnit.MINUTES));
        }
        pool.shutdown();
    }

    private static String loadAverage() throws Exception {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }
}
