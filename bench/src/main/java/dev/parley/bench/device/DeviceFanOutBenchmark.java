package dev.parley.bench.device;

import dev.parley.bench.group.BenchRelay;
import dev.parley.bench.group.ClientProfiles;
import dev.parley.bench.group.CpuMeter;
import dev.parley.bench.group.GroupFixture;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.event.MessageReceivedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue #17, "sending to a contact with 6 devices from an account with 3 devices: client CPU and bytes on the wire
 * per message vs one device". One relay (child process, H2) and real client profiles: alice with 3 devices writes to
 * bob with 6 (each message: 6 copies for bob's devices and 2 sent transcripts for alice's own, one {@code
 * device_send}); carol with 1 device writes to dave with 1 (one copy, a plain {@code send}). Every session is
 * established first (each device of each account wrote once to the other), then everyone but the two senders goes
 * offline, so the relay queues every copy and this JVM's CPU is the sender's. Rounds alternate: {@code messages}
 * texts from carol, then the same from alice, each from the first call until the relay accepted all
 * ({@code awaitDrained}). The senders reach the relay through a counting TCP proxy ({@link CountingProxy}): bytes
 * both ways, WebSocket framing included. At the end everyone comes online and the benchmark checks that every device
 * got every message once.
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.device.DeviceFanOutBenchmark [rounds] [messages]</pre>
 */
public final class DeviceFanOutBenchmark {
    private static final int TEXT_BYTES = 100;
    private static final Duration WAIT = Duration.ofMinutes(5);

    private DeviceFanOutBenchmark() {
    }

    /** One measured batch of sends, per message. */
    record Phase(double wallMs, double jvmCpuMs, double callerCpuMs, double upBytes, double downBytes,
                 double storedBlobs, double storedBytes, double relayCpuMs) {
        String line(String what) {
            return String.format(Locale.ROOT, "  %-26s per message: client CPU %6.2f ms (JVM; calling thread %6.2f) |"
                            + " wire up %7.0f B, down %5.0f B | relay stored %4.1f blobs, %6.0f B | relay CPU %5.2f ms"
                            + " | wall %6.2f ms", what, jvmCpuMs, callerCpuMs, upBytes, downBytes, storedBlobs,
                    storedBytes, relayCpuMs, wallMs);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        GroupFixture.quiet();
        System.out.printf("load average at start: %s%n", CpuMeter.loadAverage());
        List<ParleyApp> apps = new ArrayList<>();
        try (BenchRelay relay = new BenchRelay(false);
             ClientProfiles profiles = new ClientProfiles(relay.uri);
             CountingProxy aliceWire = new CountingProxy(relay.uri);
             CountingProxy carolWire = new CountingProxy(relay.uri)) {
            ParleyApp alice = profiles.create("alice", aliceWire.address());
            ParleyApp bob = profiles.create("bob");
            ParleyApp carol = profiles.create("carol", carolWire.address());
            ParleyApp dave = profiles.create("dave");
            apps.addAll(List.of(alice, bob, carol, dave));
            alice.contacts().add("bob");
            bob.contacts().add("alice");
            carol.contacts().add("dave");
            dave.contacts().add("carol");
            for (ParleyApp app : apps) {
                app.connection().start();
            }
            List<ParleyApp> aliceDevices = new ArrayList<>(List.of(alice));
            List<ParleyApp> bobDevices = new ArrayList<>(List.of(bob));
            long linking = System.nanoTime();
            for (int d = 2; d <= 3; d++) {
                aliceDevices.add(link(alice, profiles, "alice-" + d, relay));
            }
            for (int d = 2; d <= 6; d++) {
                bobDevices.add(link(bob, profiles, "bob-" + d, relay));
            }
            apps.addAll(aliceDevices.subList(1, aliceDevices.size()));
            apps.addAll(bobDevices.subList(1, bobDevices.size()));
            System.out.printf(Locale.ROOT, "linked 2 devices to alice and 5 to bob in %.1f s%n",
                    (System.nanoTime() - linking) / 1e9);
            // Every device writes once to the other account, so every session has had an answer.
            for (ParleyApp a : aliceDevices) {
                a.messaging().send("bob", "warm-up from one of alice's devices");
            }
            settle(relay, apps);
            for (ParleyApp b : bobDevices) {
                b.messaging().send("alice", "warm-up from one of bob's devices");
            }
            carol.messaging().send("dave", "warm-up");
            settle(relay, apps);
            dave.messaging().send("carol", "warm-up");
            settle(relay, apps);

            List<AtomicInteger> counts = new ArrayList<>();
            for (ParleyApp app : apps) {
                counts.add(counter(app));
            }
            for (ParleyApp app : apps) {
                if (app != alice && app != carol) {
                    app.connection().stop();
                }
            }
            List<Phase> single = new ArrayList<>();
            List<Phase> multi = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Phase one = measure(relay, carol, "dave", carolWire, messages, "fanout 1/1 round " + round);
                Phase many = measure(relay, alice, "bob", aliceWire, messages, "fanout 3/6 round " + round);
                System.out.printf("round %d, load average %s:%n", round, CpuMeter.loadAverage());
                System.out.println(one.line("1 device -> 1 device"));
                System.out.println(many.line("3 devices -> 6 devices"));
                single.add(one);
                multi.add(many);
            }
            System.out.printf("medians of %d rounds of %d messages (%d-byte texts), load average at end %s:%n", rounds,
                    messages, TEXT_BYTES, CpuMeter.loadAverage());
            Phase s = median(single);
            Phase m = median(multi);
            System.out.println(s.line("1 device -> 1 device"));
            System.out.println(m.line("3 devices -> 6 devices"));
            System.out.printf(Locale.ROOT, "3/6 vs 1/1: client CPU %.1fx (calling thread %.1fx), wire up %.1fx, down"
                            + " %.1fx, blobs stored %.1fx, relay CPU %.1fx%n", m.jvmCpuMs() / s.jvmCpuMs(),
                    m.callerCpuMs() / s.callerCpuMs(), m.upBytes() / s.upBytes(), m.downBytes() / s.downBytes(),
                    m.storedBlobs() / s.storedBlobs(), m.relayCpuMs() / Math.max(0.01, s.relayCpuMs()));

            CpuMeter receiving = CpuMeter.start();
            long start = System.nanoTime();
            for (ParleyApp app : apps) {
                if (app != alice && app != carol) {
                    app.connection().start();
                }
            }
            settle(relay, apps);
            System.out.printf(Locale.ROOT, "everyone online: all queued copies delivered in %.1f s, JVM CPU %.1f s"
                    + " (8 receiving devices)%n", (System.nanoTime() - start) / 1e9, receiving.processSeconds());
            int expected = rounds * messages;
            for (int i = 0; i < apps.size(); i++) {
                ParleyApp app = apps.get(i);
                if (app != alice && app != carol && counts.get(i).get() != expected) {
                    throw new IllegalStateException("a device got " + counts.get(i).get() + " of the measured messages,"
                            + " not " + expected);
                }
            }
            System.out.printf("checked: each of bob's 6 devices, alice's 2 others and dave got all %d messages once%n",
                    expected);
        } finally {
            for (ParleyApp app : apps) {
                app.close();
            }
        }
    }

    private static ParleyApp link(ParleyApp existing, ClientProfiles profiles, String name, BenchRelay relay)
            throws Exception {
        return LinkRun.link(existing, profiles.open(name), profiles.relay(), name, new Timeline(relay)).app();
    }

    /** Counts the measured messages (texts starting "fanout ") a device receives or gets as a transcript. */
    private static AtomicInteger counter(ParleyApp app) {
        AtomicInteger count = new AtomicInteger();
        app.events().subscribe(MessageReceivedEvent.class, e -> {
            if (e.message().body() != null && e.message().body().startsWith("fanout ")) {
                count.incrementAndGet();
            }
        });
        return count;
    }

    private static Phase measure(BenchRelay relay, ParleyApp sender, String to, CountingProxy wire, int messages,
                                 String tag) throws Exception {
        BenchRelay.Metrics before = relay.metrics();
        long relayCpu = relay.cpuMillis();
        long up = wire.up();
        long down = wire.down();
        CpuMeter meter = CpuMeter.start();
        double caller = CpuMeter.currentThreadSeconds();
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            sender.messaging().send(to, GroupFixture.text(TEXT_BYTES, tag + " #" + i));
        }
        if (!sender.connection().awaitDrained(WAIT)) {
            throw new IllegalStateException("the relay did not accept everything in time");
        }
        double wall = (System.nanoTime() - start) / 1e6;
        caller = CpuMeter.currentThreadSeconds() - caller;
        double jvm = meter.processSeconds();
        long relayCpuAfter = relay.cpuMillis();
        Thread.sleep(50);           // the proxy counts the relay's last answers after the client has read them
        BenchRelay.Metrics after = relay.metrics();
        double n = messages;
        return new Phase(wall / n, jvm * 1e3 / n, caller * 1e3 / n, (wire.up() - up) / n, (wire.down() - down) / n,
                (after.stored() - before.stored()) / n,
                (after.value("parley_relay_stored_bytes") - before.value("parley_relay_stored_bytes")) / n,
                (relayCpuAfter - relayCpu) / n);
    }

    /** Waits until every client's outbox is empty and the relay holds no blob. */
    private static void settle(BenchRelay relay, List<ParleyApp> apps) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int quiet = 0;
        while (quiet < 3) {
            for (ParleyApp app : apps) {
                if (!app.connection().awaitDrained(WAIT)) {
                    throw new IllegalStateException("a client did not drain in time");
                }
            }
            quiet = relay.metrics().value("parley_relay_stored_blobs") == 0 ? quiet + 1 : 0;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay still holds blobs");
            }
            Thread.sleep(200);
        }
    }

    private static Phase median(List<Phase> phases) {
        return new Phase(med(phases, Phase::wallMs), med(phases, Phase::jvmCpuMs), med(phases, Phase::callerCpuMs),
                med(phases, Phase::upBytes), med(phases, Phase::downBytes), med(phases, Phase::storedBlobs),
                med(phases, Phase::storedBytes), med(phases, Phase::relayCpuMs));
    }

    private static double med(List<Phase> phases, java.util.function.ToDoubleFunction<Phase> value) {
        double[] v = phases.stream().mapToDouble(value).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
