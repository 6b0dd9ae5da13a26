package dev.parley.bench.ui;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.bench.pickup.ThreadCpuBreakdown;
import dev.parley.bench.pickup.VmThreadCpu;
import dev.parley.desktop.event.MessagesRemovedEvent;
import dev.parley.desktop.profile.ProfileManager;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.profile.UnlockedProfile;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.ui.AppShell;
import dev.parley.desktop.ui.ProfileSessions;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import dev.parley.desktop.ui.main.MainViewModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;

/**
 * Issue #12: the disappearing sweep of N expired messages (default all 100,000 of #12's mixed conversation,
 * {@link BigConversationProfile.Shape#RICH}: 20% with a reaction, 5% edited, 5% replies) in a real encrypted profile,
 * with the real desktop UI open on that conversation (headless Monocle, as {@link ChatScrollBenchmark}).
 *
 * <p>The oldest N messages get an expiry through the profile's own store; the profile is unlocked on a clock set
 * before every expiry, the main window opens the conversation, and then the clock jumps past them all: the app's
 * sweeper (its own thread, once a second) removes them. Measured: the sweep from the first removal event to the last
 * (wall time, and CPU time of the sweeper thread and of the whole process), the number of removal events the UI got,
 * and the FX thread's responsiveness meanwhile ({@link FxProbe}: a probe posted every 2 ms, its delay recorded), from
 * the clock jump until the last event has been handled on the FX thread.
 *
 * <p>Every FX stall over 16 ms (#12's limit) is listed with the GC pauses in it and the FX thread's CPU in it; with
 * {@code -Dparley.bench.jfr=sweep.jfr} the sweep is recorded with {@code bench/jfr/fx-stalls.jfc} and each stall is
 * matched to what the FX thread did in it ({@link FxStallReport}).
 *
 * <p>Run it with the desktop app's own JVM options (its collector), as users run the app: from the repository root,
 * {@code bench/scripts/desktop-java.sh} reads them from {@code packaging/desktop-java-options.args}, as {@code ./parley}
 * and the installed app's launcher do ({@code PARLEY_JAVA_OPTS=-XX:+UseG1GC} for an A/B against G1).
 *
 * <pre>bench/scripts/desktop-java.sh -cp bench/target/parley-bench.jar dev.parley.bench.ui.DisappearingSweepBenchmark [messages] [rounds]</pre>
 */
public final class DisappearingSweepBenchmark {
    private static final Instant BEFORE_EXPIRY = Instant.parse("2026-01-05T07:00:00Z");
    private static final Instant AFTER_EXPIRY = Instant.parse("2027-06-01T00:00:00Z");
    /** #12: the UI thread never blocked longer than a frame. */
    private static final long FRAME_MILLIS = 16;

    private DisappearingSweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : BigConversationProfile.MESSAGES;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        ChatScrollBenchmark.headlessMonocle();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        ExecutorService worker = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= rounds; round++) {
                try (BigConversationProfile profile = BigConversationProfile.copy(BigConversationProfile.Shape.RICH)) {
                    stampExpiries(profile, messages);
                    MovableClock clock = new MovableClock(BEFORE_EXPIRY);
                    try (ProfileSessions sessions = new ProfileSessions(profile.directories,
                            name -> profile.config(name).withClock(clock))) {
                        sessions.unlock(BigConversationProfile.PROFILE, BigConversationProfile.PASSPHRASE.toCharArray());
                        round(round, messages, sessions, worker, clock);
                    }
                }
            }
        } finally {
            worker.shutdownNow();
            Platform.exit();
        }
    }

    private static void round(int round, int messages, ProfileSessions sessions, ExecutorService worker,
                              MovableClock clock) throws Exception {
        Stage[] stage = new Stage[1];
        // The window keeps the real clock (its idle lock would fire at the jump); the profile's services, the
        // sweeper among them, run on the movable one.
        AppShell shell = ChatScrollBenchmark.fx(() -> {
            stage[0] = new Stage();
            AppShell s = new AppShell(stage[0], sessions, new BackgroundTasks(worker, Platform::runLater),
                    new UserMessages(ViewLoader.defaultBundle()), Clock.systemUTC(), BigConversationProfile.PROFILE);
            s.start();
            s.showMain();
            return s;
        });
        // as the app once its first screen takes input (ParleyDesktopApp): the JIT below the UI thread
        // (-Dparley.bench.jitAtUiPriority=true leaves it at the UI thread's priority, for an A/B of that step)
        if (round == 1 && !Boolean.getBoolean("parley.bench.jitAtUiPriority")) {
            System.out.printf("JIT compiler threads lowered: %d%n",
                    dev.parley.desktop.threads.BackgroundThreads.lowerCompilerThreads());
        }
        MainViewModel main = ChatScrollBenchmark.fx(() -> shell.mainViewModel().orElseThrow());
        waitFor(() -> !main.conversations().allItems().isEmpty());
        ChatScrollBenchmark.fx(() -> {
            main.conversations().selectedProperty().set(BigConversationProfile.CONTACT);
            return null;
        });
        // the chat pane is built when the conversation opens at the latest (#14)
        waitFor(() -> ChatScrollBenchmark.fx(() -> shell.scene().lookup("#chatList")) != null);
        ListView<?> chatList = ChatScrollBenchmark.fx(() -> (ListView<?>) shell.scene().lookup("#chatList"));
        waitFor(() -> !chatList.getItems().isEmpty());

        AtomicInteger events = new AtomicInteger();
        AtomicInteger removed = new AtomicInteger();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        var subscription = sessions.session().bus().subscribe(MessagesRemovedEvent.class, e -> {
            long now = System.nanoTime();
            first.compareAndSet(0, now);
            last.set(now);
            events.incrementAndGet();
            removed.addAndGet(e.messageIds().size());
        });
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread sweeper = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("parley-disappearing-sweep")).findFirst().orElseThrow();
        Thread fxThread = ChatScrollBenchmark.fx(Thread::currentThread);
        long sweeperCpu0 = threads.getThreadCpuTime(sweeper.getId());
        long fxCpu0 = threads.getThreadCpuTime(fxThread.getId());
        long processCpu0 = processCpu();
        long sweeperAlloc0 = allocatedBytes(sweeper);
        GcTotals gc0 = GcTotals.now();
        ThreadCpuBreakdown javaThreads = ThreadCpuBreakdown.start();
        VmThreadCpu vmThreads = VmThreadCpu.start();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        String jfr = System.getProperty("parley.bench.jfr");
        FxStallReport recording = jfr == null ? null : FxStallReport.start(
                java.nio.file.Path.of(System.getProperty("parley.bench.jfc", "bench/jfr/fx-stalls.jfc")),
                java.nio.file.Path.of(jfr + (round > 1 ? "." + round : "")));
        GcPauses gcPauses = new GcPauses();
        FxProbe probe = new FxProbe(2, FRAME_MILLIS);
        clock.set(AFTER_EXPIRY);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (removed.get() < messages && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        ChatScrollBenchmark.fx(() -> null); // the last batch's UI work has run
        Histogram stalls = probe.stop();
        java.util.List<FxProbe.Stall> longStalls = probe.longStalls();
        gcPauses.close();
        long sweeperCpu = threads.getThreadCpuTime(sweeper.getId()) - sweeperCpu0;
        long fxCpu = threads.getThreadCpuTime(fxThread.getId()) - fxCpu0;
        long processCpu = processCpu() - processCpu0;
        String javaThreadCpu = javaThreads.report(8, processCpu / 1e9);
        String vmThreadCpu = VmThreadCpu.available() ? vmThreads.report() : "not available (no /proc/self/task)";
        long sweeperAlloc = allocatedBytes(sweeper) - sweeperAlloc0;
        GcTotals gc = GcTotals.now().minus(gc0);
        long longestPause = gcPauses.pauses().stream().mapToLong(GcPauses.Pause::millis).max().orElse(0);
        subscription.close();
        int rowsLeft = ChatScrollBenchmark.fx(() -> chatList.getItems().size());
        ChatScrollBenchmark.fx(() -> {
            shell.shutdown();
            stage[0].close();
            return null;
        });

        System.out.printf("round %d (load average %.1f): %,d of %,d expired messages removed in %.3f s "
                        + "(first to last removal event), %d events%n", round, load, removed.get(), messages,
                (last.get() - first.get()) / 1e9, events.get());
        System.out.printf("  CPU: sweeper thread %.3f s, FX thread %.3f s, whole process %.3f s%n",
                sweeperCpu / 1e9, fxCpu / 1e9, processCpu / 1e9);
        System.out.printf("  CPU by Java thread: %s%n", javaThreadCpu);
        System.out.printf("  CPU of the JVM's own threads: %s%n", vmThreadCpu);
        System.out.printf("  FX thread probe delay (every 2 ms, n=%d): p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
                        + "rows left in the open chat: %d%n", stalls.getTotalCount(),
                stalls.getValueAtPercentile(50) / 1e6, stalls.getValueAtPercentile(99) / 1e6,
                stalls.getMaxValue() / 1e6, rowsLeft);
        System.out.printf("  allocated by the sweeper thread %,d MB (%,d bytes per message); garbage collections "
                        + "during the sweep: %d taking %,d ms in all, the longest %d ms (GC beans: %s)%n",
                sweeperAlloc >> 20, sweeperAlloc / Math.max(1, removed.get()), gc.count(), gc.millis(), longestPause,
                String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(java.lang.management.GarbageCollectorMXBean::getName).toList()));
        System.out.printf("  probes over %d ms: %d%n", FRAME_MILLIS, stalls.getTotalCount()
                - stalls.getCountBetweenValues(0, TimeUnit.MILLISECONDS.toNanos(FRAME_MILLIS)));
        GcPauses.printAgainstStalls(gcPauses.pauses(), longStalls, FRAME_MILLIS);
        if (recording != null) {
            recording.print(longStalls);
        }
    }

    private static long allocatedBytes(Thread thread) {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(thread.getId());
    }

    /** Collections so far and their accumulated time, over every collector of the JVM. */
    private record GcTotals(long count, long millis) {
        static GcTotals now() {
            long count = 0;
            long millis = 0;
            for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, bean.getCollectionCount());
                millis += Math.max(0, bean.getCollectionTime());
            }
            return new GcTotals(count, millis);
        }

        GcTotals minus(GcTotals before) {
            return new GcTotals(count - before.count, millis - before.millis);
        }
    }

    /** Gives the oldest {@code messages} messages an expiry one day after they were sent. */
    private static void stampExpiries(BigConversationProfile profile, int messages) throws Exception {
        ProfileManager profiles = new ProfileManager(profile.directories, CryptoProviders.preferred(),
                new Argon2Params(8 * 1024, 1, 1));
        try (UnlockedProfile unlocked = profiles.unlock(new ProfileName(BigConversationProfile.PROFILE),
                BigConversationProfile.PASSPHRASE.toCharArray(), EventPublisher.NONE)) {
            Storage storage = unlocked.storage();
            int batch = 2_000;
            for (int start = 0; start < messages; start += batch) {
                int from = start;
                storage.transactions().transaction(false, txn -> {
                    for (int i = from; i < Math.min(from + batch, messages); i++) {
                        MessageId id = BigConversationProfile.messageId(i);
                        Message m = storage.messages().find(txn, id).orElseThrow();
                        storage.disappearing().expireAt(txn, id, m.sentAt().plus(Duration.ofDays(1)));
                    }
                });
            }
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!ChatScrollBenchmark.fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new java.util.concurrent.TimeoutException("condition not reached");
            }
            Thread.sleep(5);
        }
    }

    /** A clock the benchmark sets: before every expiry while the UI opens, then after them all. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;
        private volatile long setAt = System.nanoTime();

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            setAt = System.nanoTime();
            now = instant;
        }

        @Override
        public Instant instant() {
            return now.plusNanos(System.nanoTime() - setAt);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
