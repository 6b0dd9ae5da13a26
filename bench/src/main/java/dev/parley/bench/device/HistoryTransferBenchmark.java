package dev.parley.bench.device;

import dev.parley.bench.fixture.BulkHistory;
import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.desktop.app.AppConfig;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileManager;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.profile.UnlockedProfile;
import dev.parley.desktop.service.device.DeviceJoin;
import dev.parley.desktop.service.device.DeviceLinker;
import dev.parley.desktop.service.device.HistoryTransfer;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.history.HistoryTransfers;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimits;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue #17: history transfer of a large profile to a newly linked device, on loopback. Builds alice's profile with
 * {@code messages} messages ({@link BulkHistory}: 4 to 24 words each, in 11 conversations), links a second device to her account through
 * a real relay (in this JVM, H2 on disk, rate limits out of the way), then times {@link HistoryTransfer#send} until
 * the new device has imported the last chunk. Reports wall time, this process's CPU time (both devices and the relay:
 * on a loaded machine CPU time is the figure to compare), the load average, and the used heap, sampled every 20 ms
 * (the peak, and the level at each tenth of the transfer); run it with a small {@code -Xmx} to show memory stays flat:
 * <pre>
 * java -Xmx192m -cp bench/target/parley-bench.jar dev.parley.bench.device.HistoryTransferBenchmark 100000
 * </pre>
 */
public final class HistoryTransferBenchmark {
    private static final char[] PASSPHRASE = "bench profile passphrase".toCharArray();
    private static final Argon2Params CHEAP = new Argon2Params(8 * 1024, 1, 1);
    private static final Duration WAIT = Duration.ofMinutes(10);

    private HistoryTransferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
        Path root = Files.createTempDirectory("parley-bench-history");
        RateLimits limits = RateLimits.defaults();
        for (RateLimit limit : RateLimit.values()) {
            limits = limits.with(limit, BucketSpec.UNLIMITED);
        }
        try (RelayServer relay = RelayServer.start(RelayConfig.defaults().withPort(0)
                .withDataDir(root.resolve("relay")).withLimits(limits))) {
            RelayAddress address = new RelayAddress(relay.uri(), Optional.empty());
            AppDirectories dirs = new AppDirectories(root.resolve("data").toAbsolutePath());
            ParleyApp alice = ParleyApp.open(config(dirs, "alice"));
            alice.account().create("alice", address, PASSPHRASE.clone());
            alice.account().register(Optional.empty());
            alice.close();
            long t = System.nanoTime();
            fill(dirs, messages);
            System.out.printf("built: %,d messages in %.1f s%n", messages, seconds(t));
            alice = ParleyApp.open(config(dirs, "alice"));
            alice.account().unlock(PASSPHRASE.clone());
            alice.connection().start();
            ParleyApp laptop = link(alice, ParleyApp.open(config(dirs, "alice-laptop")), address);

            System.gc();
            HeapSampler heap = HeapSampler.start();
            double cpuBefore = processCpuSeconds();
            long start = System.nanoTime();
            long[] tenths = new long[11];
            HistoryTransfer.Status sent = alice.history().send(2, HistoryTransfer.Progress.NONE);
            double queued = seconds(start);
            ParleyApp receiver = laptop;
            int lastTenth = -1;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                HistoryTransfers.Incoming in = receiver.history().incoming().stream().findFirst()
                        .orElse(HistoryTransfers.Incoming.empty());
                int tenth = in.total() == 0 ? 0 : (int) (10 * in.received() / in.total());
                if (tenth != lastTenth) {
                    lastTenth = tenth;
                    tenths[tenth] = heap.current();
                    System.out.printf("  %3d%% received at %.1f s, used heap %d MiB%n", tenth * 10, seconds(start),
                            tenths[tenth] >> 20);
                }
                if (in.complete()) {
                    break;
                }
                Thread.sleep(50);
            }
            double total = seconds(start);
            double cpu = processCpuSeconds() - cpuBefore;
            long peak = heap.stop();
            HistoryTransfers.Incoming in = receiver.history().incoming().get(0);
            System.out.printf("history transfer: %,d messages (%,d new on the laptop), complete=%s%n", in.received(),
                    in.imported(), in.complete());
            System.out.printf("  all chunks queued on the sender after %.1f s; imported by the new device after %.1f s "
                    + "(%.0f messages/s)%n", queued, total, in.received() / total);
            System.out.printf("  process CPU %.1f s (sender, relay and new device together)%n", cpu);
            System.out.printf("  peak used heap %d MiB of -Xmx %d MiB; load average %.2f%n", peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("  sender reports %,d of %,d messages sent%n", sent.messagesSent(), sent.messagesTotal());
            laptop.close();
            alice.close();
        } finally {
            try (var walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static AppConfig config(AppDirectories dirs, String name) {
        return AppConfig.defaults(dirs, new ProfileName(name)).withArgon2(CHEAP);
    }

    /** Links {@code joining} (a profile that does not exist yet) to {@code existing}'s account as its device 2. */
    private static ParleyApp link(ParleyApp existing, ParleyApp joining, RelayAddress relay) throws Exception {
        DeviceLinker linker = existing.devices().linker();
        DeviceLinker.Session session = linker.start();
        CompletableFuture<DeviceJoin.Joined> joined = CompletableFuture.supplyAsync(() -> {
            try {
                return joining.joinAccount(relay, session.code().shortCode(), "laptop", PASSPHRASE.clone(), WAIT);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        linker.awaitDevice(session, WAIT);
        linker.confirm(session, WAIT);
        joined.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        joining.connection().start();
        joining.devices().startOwnSessions();
        return joining;
    }

    /** Writes the messages straight into alice's encrypted database ({@link BulkHistory}). */
    private static void fill(AppDirectories dirs, int total) throws Exception {
        ProfileManager profiles = new ProfileManager(dirs, CryptoProviders.preferred(), CHEAP);
        try (UnlockedProfile profile = profiles.unlock(new ProfileName("alice"), PASSPHRASE.clone(),
                EventPublisher.NONE)) {
            BulkHistory.fill(profile.storage(), total);
        }
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The largest used heap seen every 20 ms, and the latest sample. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong last = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static HeapSampler start() {
            HeapSampler s = new HeapSampler();
            s.thread = new Thread(() -> {
                Runtime rt = Runtime.getRuntime();
                while (s.running) {
                    long used = rt.totalMemory() - rt.freeMemory();
                    s.last.set(used);
                    s.peak.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        long current() {
            return last.get();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }
    }
}
