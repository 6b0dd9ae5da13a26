package dev.parley.bench.presence;

import dev.parley.bench.relay.JvmThreadCpu;
import dev.parley.bench.relay.ServerProcess;
import dev.parley.bench.relay.ServerUnderTest;
import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.desktop.app.AppConfig;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.service.connection.ConnectionSettings;
import dev.parley.desktop.service.presence.PresencePacing;
import dev.parley.desktop.storage.PresenceVisibility;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Issue #14: coming online with 500 contacts. "hub" is a real client profile ({@link ParleyApp}, encrypted H2) with
 * 500 real sessions: 500 relay accounts held by {@link ContactCrowd} (a child process) each started a PQXDH session with
 * hub and wrote once, and hub accepted every request (so the sessions are established both ways and hub's presence
 * goes out as ordinary ratchet messages). The relay is a child process too, on its data directory on disk, restarted
 * for the measurement with its default send limits ({@code SEND_PER_CONNECTION} 200 at once then 100/s,
 * {@code SEND_PER_ADDRESS}); the other limits are lifted so that 500 accounts can sign in from one address.
 *
 * <p>Each round unlocks hub, connects it and waits until the crowd has received hub's presence from all 500 (counted
 * as ephemeral pushes; the relay's {@code parley_relay_ephemeral_total} and {@code rejects_total} are read from its
 * /metrics). Measured per round: hub's process CPU (this JVM: only the client lives here) and its presence thread's
 * CPU, and the relay process's CPU; then the same with presence sharing off ("nobody": connect, sign in, nothing
 * sent) held for the same wall time, so that the difference is what the fan-out costs. The CPU of each JVM's JIT
 * compiler and GC threads is shown per round ({@link JvmThreadCpu}); with 4 rounds or more the last half of them is
 * summed apart, as a relay that has run for a while has compiled its paths long ago. An optional last round sends
 * to all at once (no pacing, as before #14's pacing) to show the relay's send limit.
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.presence.PresenceFanOutBenchmark [contacts] [rounds] [unpaced]</pre>
 */
public final class PresenceFanOutBenchmark {
    private static final String HUB = "hub";
    private static final char[] PASSPHRASE = "bench passphrase, synthetic data only".toCharArray();
    private static final Duration WAIT = Duration.ofMinutes(5);

    private final Path dir;
    private final int contacts;
    private URI relayUri;

    private PresenceFanOutBenchmark(Path dir, int contacts) {
        this.dir = dir;
        this.contacts = contacts;
    }

    /** What one round cost. */
    private record Round(String kind, double wallMs, double clientCpuMs, double clientThreadsMs,
                         double presenceThreadCpuMs, double relayCpuMs, double relayThreadsMs, long received,
                         long relayEphemeral, long relayRateLimited, JvmThreadCpu clientJvm, JvmThreadCpu relayJvm) {
        void print() {
            System.out.printf("%-9s wall %7.0f ms | client process CPU %6.0f ms (Java threads %6.0f, presence thread %5.0f"
                            + " ms, JIT %d, GC %d ms) | relay CPU %5.0f ms (Java threads %5.0f, JIT %d, GC %d ms) | pushes"
                            + " received %d, relay ephemeral_total +%d, RATE_LIMITED +%d%n", kind, wallMs, clientCpuMs,
                    clientThreadsMs, presenceThreadCpuMs, clientJvm.jitMs(), clientJvm.gcMs(), relayCpuMs, relayThreadsMs,
                    relayJvm.jitMs(), relayJvm.gcMs(), received, relayEphemeral, relayRateLimited);
        }
    }

    public static void main(String[] args) throws Exception {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean unpaced = args.length > 2 && args[2].equals("unpaced");
        quiet();
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
        Path dir = Files.createTempDirectory("parley-presence-bench");
        System.out.printf("presence fan-out: %d contacts, %d rounds, load average %s%n", contacts, rounds, loadAverage());
        new PresenceFanOutBenchmark(dir, contacts).run(rounds, unpaced);
        System.out.printf("load average at the end %s%n", loadAverage());
        System.exit(0);
    }

    private void run(int rounds, boolean unpaced) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        relayUri = URI.create("ws://127.0.0.1:" + port + "/parley");
        String relayData = dir.resolve("relay").toString();
        try (ChildProcess crowd = new ChildProcess(ContactCrowd.class, relayUri.toString(), Integer.toString(contacts))) {
            crowd.await("READY");
            long setupStart = System.nanoTime();
            try (ServerProcess relay = new ServerProcess("relay", relayData, Integer.toString(port))) {
                setUp(crowd);
            }
            System.out.printf("set-up (%d sessions, requests accepted) %.0f s%n", contacts,
                    (System.nanoTime() - setupStart) / 1e9);
            try (ServerProcess relay = new ServerProcess("relay-sendlimits", relayData, Integer.toString(port))) {
                System.out.println("contacts signed in: " + crowd.ask("connect", "CONNECTED"));
                double presenceCpu = 0;
                double baselineCpu = 0;
                double presenceRelay = 0;
                double baselineRelay = 0;
                long frames = 0;
                double lateRelay = 0;
                double lateClient = 0;
                long lateFrames = 0;
                int lateRounds = 0;
                for (int r = 1; r <= rounds; r++) {
                    Round presence = round(relay, crowd, "presence", PresencePacing.DEFAULTS, PresenceVisibility.CONTACTS, 0);
                    presence.print();
                    Round baseline = round(relay, crowd, "baseline", PresencePacing.DEFAULTS, PresenceVisibility.NOBODY,
                            presence.wallMs());
                    baseline.print();
                    System.out.printf("round %d: fan-out to %d costs the client %.0f ms CPU (presence %.0f - baseline %.0f)"
                                    + " and the relay %.3f ms CPU per presence frame ((%.0f - %.0f) / %d); whole relay CPU"
                                    + " of the round / frames %.3f ms%n", r, presence.received(),
                            presence.clientCpuMs() - baseline.clientCpuMs(), presence.clientCpuMs(), baseline.clientCpuMs(),
                            (presence.relayCpuMs() - baseline.relayCpuMs()) / Math.max(1, presence.relayEphemeral()),
                            presence.relayCpuMs(), baseline.relayCpuMs(), presence.relayEphemeral(),
                            presence.relayCpuMs() / Math.max(1, presence.relayEphemeral()));
                    System.out.printf("round %d without JIT and GC threads: the client %.0f ms CPU, the relay %.3f ms CPU per"
                                    + " presence frame%n", r, presence.clientThreadsMs() - baseline.clientThreadsMs(),
                            (presence.relayThreadsMs() - baseline.relayThreadsMs())
                                    / Math.max(1, presence.relayEphemeral()));
                    System.out.printf("round %d JIT and GC threads (presence / baseline): the relay JIT %d / %d ms, GC %d /"
                                    + " %d ms; the client JIT %d / %d ms, GC %d / %d ms%n", r, presence.relayJvm().jitMs(),
                            baseline.relayJvm().jitMs(), presence.relayJvm().gcMs(), baseline.relayJvm().gcMs(),
                            presence.clientJvm().jitMs(), baseline.clientJvm().jitMs(), presence.clientJvm().gcMs(),
                            baseline.clientJvm().gcMs());
                    if (2 * r > rounds && rounds >= 4) {
                        lateRelay += presence.relayCpuMs() - baseline.relayCpuMs();
                        lateClient += presence.clientCpuMs() - baseline.clientCpuMs();
                        lateFrames += presence.relayEphemeral();
                        lateRounds++;
                    }
                    if (r > 1 || rounds == 1) {
                        presenceCpu += presence.clientCpuMs();
                        baselineCpu += baseline.clientCpuMs();
                        presenceRelay += presence.relayCpuMs();
                        baselineRelay += baseline.relayCpuMs();
                        frames += presence.relayEphemeral();
                    }
                }
                int counted = rounds == 1 ? 1 : rounds - 1;
                System.out.printf("warm rounds (%d): client CPU per coming-online %.0f ms (of which the fan-out %.0f ms);"
                                + " relay CPU per presence frame %.3f ms (%.3f ms with sign-in and idle time counted)%n",
                        counted, presenceCpu / counted, (presenceCpu - baselineCpu) / counted,
                        (presenceRelay - baselineRelay) / Math.max(1, frames), presenceRelay / Math.max(1, frames));
                if (lateRounds > 0) {
                    // A relay that has run for a while has compiled these paths long ago: the later rounds say more
                    // of the steady state than the round after a restart does.
                    System.out.printf("last %d rounds: fan-out client CPU %.0f ms; relay CPU per presence frame %.3f ms%n",
                            lateRounds, lateClient / lateRounds, lateRelay / Math.max(1, lateFrames));
                }
                if (unpaced) {
                    round(relay, crowd, "unpaced", new PresencePacing(1_000_000, 1, Duration.ofSeconds(1)),
                            PresenceVisibility.CONTACTS, 0).print();
                }
            }
        }
    }

    /** 500 sessions: every crowd account writes to hub, and hub accepts them all (relay without send limits). */
    private void setUp(ChildProcess crowd) throws Exception {
        try (ParleyApp hub = ParleyApp.open(config(PresencePacing.DEFAULTS))) {
            hub.account().create(HUB, new RelayAddress(relayUri, Optional.empty()), PASSPHRASE.clone());
            hub.account().register(Optional.empty());
            hub.presence().setVisibility(PresenceVisibility.NOBODY);
            System.out.println("greeted: " + crowd.ask("greet " + HUB, "GREETED"));
            hub.connection().start();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (hub.contacts().requests().size() < contacts) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the requests did not all arrive");
                }
                Thread.sleep(200);
            }
            for (int i = 0; i < contacts; i++) {
                hub.contacts().accept(ContactCrowd.username(i));
            }
            if (!hub.connection().awaitDrained(WAIT)) {
                throw new IllegalStateException("hub did not drain");
            }
        }
    }

    /**
     * Unlocks hub, connects it and waits until the crowd heard its presence from all (or, with presence off or
     * unpaced, until the connection is drained and {@code holdMs} passed / nothing more arrives for 3 s).
     */
    private Round round(ServerProcess relay, ChildProcess crowd, String kind, PresencePacing pacing,
                        PresenceVisibility visibility, double holdMs) throws Exception {
        try (ParleyApp hub = ParleyApp.open(config(pacing))) {
            hub.account().unlock(PASSPHRASE.clone());
            hub.presence().setVisibility(visibility);
            hub.presence().start();
            crowd.ask("reset", "RESET");
            Map<String, Double> before = relay.metrics();
            long relayCpu = relay.cpuMillis();
            long relayThreads = relay.threadCpuMillis();
            JvmThreadCpu relayJvm = JvmThreadCpu.of(relay.pid());
            JvmThreadCpu clientJvm = JvmThreadCpu.self();
            double cpu = processCpuMs();
            double threads = ServerUnderTest.liveThreadsCpuMillis();
            long start = System.nanoTime();
            hub.connection().start();
            long received;
            if (visibility == PresenceVisibility.CONTACTS && !kind.equals("unpaced")) {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while ((received = Long.parseLong(crowd.ask("count", "COUNT"))) < contacts) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + received + " contacts heard hub");
                    }
                    Thread.sleep(20);
                }
            } else {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (hub.connection().state().get().status() != ConnectionStatus.ONLINE) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("hub did not come online");
                    }
                    Thread.sleep(20);
                }
                hub.connection().awaitDrained(WAIT);
                long last = -1;
                long stableSince = System.nanoTime();
                while (true) {
                    received = Long.parseLong(crowd.ask("count", "COUNT"));
                    if (received != last) {
                        last = received;
                        stableSince = System.nanoTime();
                    }
                    double elapsedMs = (System.nanoTime() - start) / 1e6;
                    boolean quiet = System.nanoTime() - stableSince > 3_000_000_000L;
                    if (holdMs > 0 ? elapsedMs >= holdMs : quiet) {
                        break;
                    }
                    Thread.sleep(20);
                }
            }
            double wall = (System.nanoTime() - start) / 1e6;
            double clientCpu = processCpuMs() - cpu;
            double clientThreads = ServerUnderTest.liveThreadsCpuMillis() - threads;
            double presenceThread = threadCpuMs("parley-presence");
            long relayCpuMs = relay.cpuMillis() - relayCpu;
            long relayThreadsMs = relay.threadCpuMillis() - relayThreads;
            JvmThreadCpu relayJvmMs = JvmThreadCpu.of(relay.pid()).minus(relayJvm);
            JvmThreadCpu clientJvmMs = JvmThreadCpu.self().minus(clientJvm);
            Map<String, Double> after = relay.metrics();
            return new Round(kind, wall, clientCpu, clientThreads, presenceThread, relayCpuMs, relayThreadsMs, received,
                    delta(before, after, "parley_relay_ephemeral_total"),
                    delta(before, after, "parley_relay_rejects_total{reason=\"RATE_LIMITED\"}"), clientJvmMs, relayJvmMs);
        }
    }

    private static long delta(Map<String, Double> before, Map<String, Double> after, String metric) {
        return Math.round(after.getOrDefault(metric, 0.0) - before.getOrDefault(metric, 0.0));
    }

    private static double processCpuMs() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e6;
    }

    /** CPU time of the live threads named {@code name} (the presence service's sending thread). */
    private static double threadCpuMs(String name) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        return sum / 1e6;
    }

    private AppConfig config(PresencePacing pacing) {
        return AppConfig.defaults(new AppDirectories(dir.resolve("profiles").toAbsolutePath()), new ProfileName(HUB))
                .withArgon2(new Argon2Params(8 * 1024, 1, 1))
                .withConnection(ConnectionSettings.DEFAULTS.withPresencePacing(pacing));
    }

    private static String loadAverage() {
        try {
            return String.join(" ", java.util.List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static void quiet() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        java.util.logging.Logger.getLogger("org.glassfish").setLevel(java.util.logging.Level.WARNING);
    }
}
