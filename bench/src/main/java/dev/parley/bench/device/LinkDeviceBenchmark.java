package dev.parley.bench.device;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.parley.bench.group.BenchRelay;
import dev.parley.bench.group.ClientProfiles;
import dev.parley.bench.group.CpuMeter;
import dev.parley.bench.group.GroupFixture;
import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.event.MessageReceivedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Issue #17, "link a device and have it usable (can send and receive): &lt; 10 s on loopback". The relay is a child
 * process (H2 on disk); alice (the existing device) and bob (her contact) are real client profiles that already
 * exchanged messages. Each run links a new device to alice through the real services, from {@code link-device}
 * starting on alice's device until the new device's first message reached bob and bob's reply reached the new device;
 * the new device's profile is made at the shipped Argon2id cost ({@link Argon2Params#DESKTOP_DEFAULT}). The user's
 * own time (typing the code, reading the name) is not in the figures: the new device joins and alice confirms at once.
 * After a run the device is unlinked, so each run links a fresh one (the first run also gives alice's device its
 * credential key, {@code device_credential}).
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.device.LinkDeviceBenchmark [runs]</pre>
 */
public final class LinkDeviceBenchmark {
    private static volatile Timeline current;
    /** One-time prekey top-ups logged so far (every profile's, the first after each sign-in). */
    private static final AtomicInteger TOP_UPS = new AtomicInteger();

    private LinkDeviceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        GroupFixture.quiet();
        watchPreKeyUploads();
        System.out.printf("load average at start: %s%n", CpuMeter.loadAverage());
        long argon = System.nanoTime();
        double argonCpu = CpuMeter.currentThreadSeconds();
        CryptoProviders.preferred().argon2id().argon2id("x".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new byte[16], Argon2Params.DESKTOP_DEFAULT, 32).close();
        System.out.printf(Locale.ROOT, "one Argon2id derivation at the shipped cost (%d MiB, %d passes): %.0f ms, CPU"
                        + " %.0f ms%n", Argon2Params.DESKTOP_DEFAULT.memoryKiB() / 1024,
                Argon2Params.DESKTOP_DEFAULT.iterations(), (System.nanoTime() - argon) / 1e6,
                (CpuMeter.currentThreadSeconds() - argonCpu) * 1e3);
        List<Double> totals = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        try (BenchRelay relay = new BenchRelay(false);
             ClientProfiles accounts = new ClientProfiles(relay.uri);
             ClientProfiles newDevices = new ClientProfiles(relay.uri, Argon2Params.DESKTOP_DEFAULT)) {
            ParleyApp alice = accounts.create("alice");
            ParleyApp bob = accounts.create("bob");
            try {
                alice.contacts().add("bob");
                bob.contacts().add("alice");
                alice.connection().start();
                bob.connection().start();
                Timeline warm = new Timeline(relay);
                arrivals(bob, "bob", warm);
                arrivals(alice, "alice", warm);
                alice.messaging().send("bob", "hello bob");
                warm.await("bob got:hello bob", LinkRun.WAIT);
                bob.messaging().send("alice", "hello alice");
                warm.await("alice got:hello alice", LinkRun.WAIT);
                long deadline = System.nanoTime() + LinkRun.WAIT.toNanos();
                while (TOP_UPS.get() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(20);           // alice's and bob's own first top-ups, before any run
                }
                for (int run = 1; run <= runs; run++) {
                    Timeline t = new Timeline(relay);
                    current = t;
                    arrivals(bob, "bob", t);
                    run(alice, bob, newDevices, run, t);
                    totals.add(t.ms("start", "replied"));
                    cpus.add(t.cpuMs("start", "replied"));
                }
            } finally {
                alice.close();
                bob.close();
            }
        }
        System.out.printf(Locale.ROOT, "median of %d runs: usable after %.0f ms (client JVM CPU %.0f ms); load average"
                + " at end: %s%n", runs, median(totals), median(cpus), CpuMeter.loadAverage());
    }

    private static void run(ParleyApp alice, ParleyApp bob, ClientProfiles newDevices, int run, Timeline t)
            throws Exception {
        String hello = "hello from the new device " + run;
        String reply = "welcome, new device " + run;
        ParleyApp device = newDevices.open("alice-device-" + run);
        arrivals(device, "device", t);
        LinkRun.Linked linked = LinkRun.link(alice, device, newDevices.relay(), "laptop " + run, t);
        t.await("contact:bob", LinkRun.WAIT);
        t.mark("send");
        device.messaging().send("bob", hello);
        t.await("bob got:" + hello, LinkRun.WAIT);
        bob.messaging().send("alice", reply);
        t.await("device got:" + reply, LinkRun.WAIT);
        t.mark("replied");
        t.await("prekeys", LinkRun.WAIT);
        System.out.printf("run %d (new device %d), load average %s:%n", run, linked.deviceId(), CpuMeter.loadAverage());
        System.out.println(t.line("link-device start (credential key, linking channel)", "start", "channel"));
        System.out.println(t.line("key exchange (join, offer, reply: the name is shown)", "channel", "offered"));
        System.out.println(t.line("provisioning (sealed account; new profile, Argon2id, keys)", "offered", "profile"));
        System.out.println(t.line("registration (enrolment, device_add, registered)", "profile", "joined"));
        System.out.println(t.line("existing device's confirm returned (its session, state sent)", "offered",
                "confirmed"));
        System.out.println(t.line("first sign-in of the new device", "joined", "online"));
        System.out.println(t.line("first one-time prekey upload done (background)", "online", "prekeys"));
        System.out.println(t.line("account state: bob is a contact on the new device", "online", "contact:bob"));
        System.out.println(t.line("first message: sent until bob has it", "send", "bob got:" + hello));
        System.out.println(t.line("reply: bob sends until the new device has it", "bob got:" + hello, "replied"));
        System.out.println(t.line("TOTAL: link-device start until the reply arrived", "start", "replied"));
        linked.app().close();
        alice.devices().unlink(linked.deviceId());
    }

    /** Marks {@code who got:BODY} on the timeline current when a message arrives. */
    private static void arrivals(ParleyApp app, String who, Timeline t) {
        app.events().subscribe(MessageReceivedEvent.class, e -> {
            if (current == t || current == null) {
                t.mark(who + " got:" + e.message().body());
            }
        });
    }

    /** The new device's first top-up of one-time prekeys is logged by AccountKeys; the bench takes its moment. */
    private static void watchPreKeyUploads() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.parley.desktop.service.account.AccountKeys");
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (!event.getFormattedMessage().startsWith("one-time prekeys topped up")) {
                    return;
                }
                TOP_UPS.incrementAndGet();
                Timeline t = current;
                if (t != null && t.has("online")) {        // the new device's: alice's and bob's came before
                    t.mark("prekeys");
                }
            }
        };
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
