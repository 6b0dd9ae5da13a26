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

    private SingleNodeTargets(Map<String, Integer> options) {
        this.load = new RelayLoadGenerator(options);
        this.blobBytes = options.getOrDefault("blob", 750);
        this.accounts = options.getOrDefault("accounts", 10_000);
        this.prekeys = options.getOrDefault("prekeys", 100);
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
        double bareCpu;
        double barePerSecond;
        try (ServerProcess server = new ServerProcess("bare")) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port + "/bare");
            List<BareConnection> senders = new ArrayList<>();
            List<BareConnection> receivers = new ArrayList<>();
            for (int i = 0; i < load.pairs; i++) {
                senders.add(BareConnection.open(load.client(), uri, 2 * i));
                receivers.add(BareConnection.open(load.client(), uri, 2 * i + 1));
            }
            bareRound(senders, receivers, Math.max(1, load.messages / 4));
            long cpu = server.cpuMillis();
            double seconds = bareRound(senders, receivers, load.messages);
            bareCpu = (server.cpuMillis() - cpu) * 1000.0 / ((double) load.pairs * load.messages);
            barePerSecond = load.pairs * load.messages / seconds;
            for (int i = 0; i < load.pairs; i++) {
                senders.get(i).close();
                receivers.get(i).close();
            }
        }
        Path dataDir = Files.createTempDirectory("parley-single-node");
        try (ServerProcess server = new ServerProcess("relay", dataDir.toString())) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port + "/parley");
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
            if (accounts > 0) {
                idleAccounts(server, uri);
            }
        }
        RelayLoadGenerator.out("load average after the run %s%n", loadAverage());
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

    /** RSS and heap growth per idle authenticated account holding {@link #prekeys} one-time prekeys. */
    private void idleAccounts(ServerProcess server, URI uri) throws Exception {
        long rssBefore = server.rssKb();
        long heapBefore = server.heapBytes();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<RelayConnection>> futures = new ArrayList<>();
        List<OneTimePreKeyPublic> keys = new ArrayList<>();
        for (int k = 1; k <= prekeys; k++) {
            byte[] pub = new byte[32];
            ByteBuffer.wrap(pub).putInt(k);
            keys.add(new OneTimePreKeyPublic(k, pub));
        }
        for (int i = 0; i < accounts; i++) {
            String name = "idle" + i;
            futures.add(pool.submit(() -> load.new User(name).connect(uri, true, keys)));
        }
        List<RelayConnection> held = new ArrayList<>();
        for (Future<RelayConnection> f : futures) {
            held.add(f.get(20, TimeUnit.MINUTES));
        }
        pool.shutdown();
        long rssAfter = server.rssKb();
        long heapAfter = server.heapBytes();
        long rssAfterGc = server.rssKb();
        RelayLoadGenerator.out("%d idle authenticated accounts with %d one-time prekeys each: RSS +%.1f KB per account "
                        + "(%d -> %d MiB; %d MiB after a full GC), heap after GC +%.1f KB per account (target: RSS <= 40 KB)%n",
                accounts, prekeys, (rssAfter - rssBefore) / (double) accounts, rssBefore / 1024, rssAfter / 1024,
                rssAfterGc / 1024, (heapAfter - heapBefore) / 1024.0 / accounts);
        for (RelayConnection c : held) {
            c.close();
        }
    }

    private static String loadAverage() throws Exception {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }
}
