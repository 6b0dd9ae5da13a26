package dev.parley.bench.ui;

import dev.parley.bench.relay.ServerProcess;
import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.desktop.app.AppConfig;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.ui.AppShell;
import dev.parley.desktop.ui.ProfileSessions;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import dev.parley.desktop.ui.main.AttachmentsViewModel;
import dev.parley.desktop.ui.main.ChatRow;
import dev.parley.desktop.ui.main.MainViewModel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;

/**
 * Issue #13: a user drops N photos (default 100 realistic 12-megapixel JPEGs of 3-5 MB, {@link BurstPhotos}) on a
 * chat at once and sends them; the real desktop UI runs headless (Monocle, as {@link ChatScrollBenchmark}) on a real
 * profile connected to a real relay (its own process on loopback). Measured from the drop: the FX thread's
 * responsiveness ({@link FxProbe}, a probe every 2 ms), when all N uploads are listed as pending, when the first and
 * the last photo shows in the chat with its thumbnail, when all are uploaded and sent; the heap (sampled every 50 ms,
 * and used after GC at the end). Run it at {@code -Xmx256m} as #13 asks.
 *
 * <pre>java -Xmx256m -Dparley.bench.serverHeap=256m -cp bench/target/parley-bench.jar \
 *     dev.parley.bench.ui.PhotoBurstBenchmark [photos, default 100] [megapixels, default 12]</pre>
 *
 * <p>With {@code -Dparley.bench.onScreen=true} the window shows on the X display of {@code DISPLAY} (Xvfb) instead of
 * headless Monocle, to take screenshots of the burst (the FX figures are then those of that display's rendering).
 * With {@code -Dparley.bench.jfr=burst.jfr} the burst is recorded with {@code bench/jfr/fx-stalls.jfc} (another file:
 * {@code -Dparley.bench.jfc=...}) and each FX stall over 50 ms is matched to what the FX thread did in it
 * ({@link FxStallReport}). {@code -Dparley.bench.files=DIR} drops the files of DIR instead of the generated photos
 * (a file named with emoji, say), and {@code -Dparley.bench.screenshot=FILE.png} saves the window as it is at the end;
 * {@code -Dparley.bench.screenshotMidway=FILE.png} as it is once half of the photos are in the chat and the next is
 * a third uploaded (the uploads' rows, the count of those waiting, thumbnails arriving; the snapshot itself holds the
 * FX thread, so leave it out of measured runs). {@code -Dparley.bench.textsBefore=N} sends N texts before the drop
 * (by default the photos are the chat's first rows).
 */
public final class PhotoBurstBenchmark {
    private static final String PASSPHRASE = "bench passphrase, synthetic data only";
    private static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(30);

    private PhotoBurstBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int megapixels = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        String filesDir = System.getProperty("parley.bench.files");
        List<Path> photos = filesDir == null ? BurstPhotos.cached(count, megapixels) : filesIn(Path.of(filesDir));
        if (!Boolean.getBoolean("parley.bench.onScreen")) {
            ChatScrollBenchmark.headlessMonocle(); // on screen (DISPLAY=:93 ... -Dparley.bench.onScreen=true): for screenshots
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        Path root = Files.createTempDirectory("parley-bench-burst");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        // the app's pools: two workers for what the user waits for, two below the FX thread's priority for the heavy
        // work (uploads, thumbnails)
        ExecutorService worker = dev.parley.desktop.ui.ParleyDesktopApp.newWorkerPool();
        ExecutorService heavyWorker = dev.parley.desktop.ui.ParleyDesktopApp.newHeavyWorkerPool();
        AppDirectories dirs = new AppDirectories(root.resolve("profiles").toAbsolutePath());
        try (ServerProcess relay = new ServerProcess("relay", Files.createDirectories(root.resolve("relay")).toString(),
                Integer.toString(port))) {
            try (ParleyApp alice = registered(dirs, "alice", port); ParleyApp bob = registered(dirs, "bob", port)) {
                alice.contacts().add("bob");
                bob.contacts().add("alice");
            }
            try (ProfileSessions sessions = new ProfileSessions(dirs, name -> config(dirs, name))) {
                sessions.unlock("alice", PASSPHRASE.toCharArray());
                run(sessions, new BackgroundTasks(worker, heavyWorker, Platform::runLater), photos, relay);
            }
        } finally {
            worker.shutdownNow();
            heavyWorker.shutdownNow();
            Platform.exit();
            deleteTree(root);
        }
    }

    private static void run(ProfileSessions sessions, BackgroundTasks tasks, List<Path> photos, ServerProcess relay)
            throws Exception {
        Stage[] stage = new Stage[1];
        AppShell shell = ChatScrollBenchmark.fx(() -> {
            stage[0] = new Stage();
            AppShell s = new AppShell(stage[0], sessions, tasks,
                    new UserMessages(ViewLoader.defaultBundle()), Clock.systemUTC(), "alice");
            s.start();
            s.showMain();
            return s;
        });
        // as the app once its first screen takes input (ParleyDesktopApp): the JIT below the UI thread
        // (-Dparley.bench.jitAtUiPriority=true leaves it at the UI thread's priority, for an A/B of that step)
        if (!Boolean.getBoolean("parley.bench.jitAtUiPriority")) {
            System.out.printf("JIT compiler threads lowered: %d%n",
                    dev.parley.desktop.threads.BackgroundThreads.lowerCompilerThreads());
        }
        // and the view records' equals linked on the heavy pool (-Dparley.bench.noRecordWarmUp=true: not, for an A/B)
        if (!Boolean.getBoolean("parley.bench.noRecordWarmUp")) {
            tasks.runHeavy(() -> {
                dev.parley.desktop.ui.main.RecordEqualsWarmUp.run();
                return null;
            }, ignored -> { }, e -> System.out.println("record warm-up failed: " + e));
        }
        MainViewModel main = ChatScrollBenchmark.fx(() -> shell.mainViewModel().orElseThrow());
        waitFor(() -> main.conversations().allItems().stream().anyMatch(c -> c.username().equals("bob")));
        ChatScrollBenchmark.fx(() -> {
            main.conversations().selectedProperty().set("bob");
            return null;
        });
        waitFor(() -> main.chat().contactProperty().get() != null);
        // the chat makes its cells once the conversations show (ChatWarmUp), before the user can drop photos
        waitFor(() -> dev.parley.desktop.ui.main.ChatWarmUp.done(
                (javafx.scene.control.ListView<?>) shell.scene().lookup("#chatList")));
        System.out.printf("the chat's cells made before the drop (ChatWarmUp): %.1f ms of FX-thread CPU%n",
                ChatScrollBenchmark.fx(() -> dev.parley.desktop.ui.main.ChatWarmUp.nanos(
                        (javafx.scene.control.ListView<?>) shell.scene().lookup("#chatList"))) / 1e6);
        // -Dparley.bench.textsBefore=N: N text messages in the chat before the drop (default none: the photos are
        // the first rows of the chat, its first layout with rows among the first photo's work)
        int textsBefore = Integer.getInteger("parley.bench.textsBefore", 0);
        for (int i = 0; i < textsBefore; i++) {
            String text = "before the photos " + (i + 1);
            ChatScrollBenchmark.fx(() -> {
                main.chat().draftProperty().set(text);
                main.chat().send();
                return null;
            });
            waitFor(() -> main.chat().rows().stream().anyMatch(r -> r instanceof ChatRow.MessageRow m
                    && m.message().text().equals(text)));
        }
        Thread.sleep(textsBefore > 0 ? 1000 : 0);
        AttachmentsViewModel files = ChatScrollBenchmark.fx(() -> main.chat().attachments());
        int n = photos.size();
        long photoBytes = 0;
        for (Path p : photos) {
            photoBytes += Files.size(p);
        }
        long heapBefore = usedHeapAfterGc();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long cpu0 = processCpu();
        long relayCpu0 = relay.cpuMillis();
        HeapSampler heap = new HeapSampler();

        String jfr = System.getProperty("parley.bench.jfr");
        FxStallReport recording = jfr == null ? null : FxStallReport.start(
                Path.of(System.getProperty("parley.bench.jfc", "bench/jfr/fx-stalls.jfc")), Path.of(jfr));
        GcPauses gc = new GcPauses();
        ThreadCpuByName threadCpu = ThreadCpuByName.start();
        FxProbe probe = new FxProbe(2);
        long t0 = System.nanoTime();
        long dropUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        ChatScrollBenchmark.fx(() -> {
            files.chooseAll(photos);
            return null;
        });
        waitFor(() -> files.pendingProperty().get() != null);
        long previewShown = System.nanoTime() - t0;
        ChatScrollBenchmark.fx(() -> {
            files.sendPending();
            return null;
        });
        long pendingListed = -1;
        Map<String, Long> shown = new HashMap<>();
        Map<String, Long> withThumbnail = new HashMap<>();
        long deadline = t0 + TIMEOUT_NANOS;
        long images = photos.stream().map(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT))
                .filter(name -> name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png")).count();
        String midway = System.getProperty("parley.bench.screenshotMidway");
        while (System.nanoTime() < deadline) {
            Snapshot s = ChatScrollBenchmark.fx(() -> snapshot(main, files));
            if (midway != null && s.sent().size() >= n / 2 && ChatScrollBenchmark.fx(() -> files.uploads().stream()
                    .anyMatch(u -> u.progressProperty().get() >= 0.3))) {
                Path file = Path.of(midway);
                ChatScrollBenchmark.fx(() -> dev.parley.desktop.ui.common.SceneSnapshots.write(stage[0].getScene(),
                        file));
                midway = null;
            }
            long now = System.nanoTime() - t0;
            if (pendingListed < 0 && s.uploads() >= n - s.sent().size()) {
                pendingListed = now;
            }
            for (String id : s.sent()) {
                shown.putIfAbsent(id, now);
            }
            for (String id : s.thumbnails()) {
                withThumbnail.putIfAbsent(id, now);
            }
            if (s.failed() > 0 || (shown.size() >= n && s.uploads() == 0 && withThumbnail.size() >= images)) {
                break;
            }
            Thread.sleep(20);
        }
        long end = System.nanoTime() - t0;
        ChatScrollBenchmark.fx(() -> null);
        Histogram stalls = probe.stop();
        threadCpu.stop();
        long fxCpu = probe.fxCpuNanos();
        List<FxProbe.Stall> longStalls = probe.longStalls();
        gc.close();
        List<GcPauses.Pause> pauses = gc.pauses();
        long cpu = processCpu() - cpu0;
        long relayCpu = relay.cpuMillis() - relayCpu0;
        long heapMax = heap.stop();
        Snapshot last = ChatScrollBenchmark.fx(() -> snapshot(main, files));
        String screenshot = System.getProperty("parley.bench.screenshot");
        if (screenshot != null) {
            ChatScrollBenchmark.fx(() -> dev.parley.desktop.ui.common.SceneSnapshots.write(stage[0].getScene(),
                    Path.of(screenshot)));
        }
        long heapAfter = usedHeapAfterGc();
        ChatScrollBenchmark.fx(() -> {
            shell.shutdown();
            stage[0].close();
            return null;
        });

        System.out.printf("%d photos (%,.1f MB in all, %.1f MB each on average) dropped on a chat; client max heap "
                + "%d MiB; load average %.1f%n", n, photoBytes / 1e6, photoBytes / 1e6 / n,
                Runtime.getRuntime().maxMemory() >> 20, load);
        System.out.printf("  dropped at %,d ms uptime; composer shows the %d files: %.3f s; all %d listed as pending "
                + "uploads: %.3f s after the drop%n", dropUptime, n, previewShown / 1e9, n, pendingListed / 1e9);
        System.out.printf("  in the chat with its thumbnail: first photo %.2f s, last %.2f s (%d of %d); "
                        + "sent: first %.2f s, last %.2f s (%d of %d); failed uploads: %d%n",
                min(withThumbnail) / 1e9, max(withThumbnail) / 1e9, withThumbnail.size(), n,
                min(shown) / 1e9, max(shown) / 1e9, shown.size(), n, last.failed());
        System.out.printf("  whole burst %.2f s; CPU: client process %.2f s (of it the FX thread %.2f s), relay %.2f s; "
                + "load average at the end %.1f%n", end / 1e9, cpu / 1e9, fxCpu / 1e9, relayCpu / 1e3,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("  FX thread probe delay (every 2 ms, n=%d): p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, "
                        + "max %.2f ms; probes over 50 ms: %d%n", stalls.getTotalCount(),
                stalls.getValueAtPercentile(50) / 1e6, stalls.getValueAtPercentile(99) / 1e6,
                stalls.getValueAtPercentile(99.9) / 1e6, stalls.getMaxValue() / 1e6,
                stalls.getTotalCount() - stalls.getCountBetweenValues(0, TimeUnit.MILLISECONDS.toNanos(50)));
        probe.printWork();
        System.out.printf("  the FX thread runnable but waiting for a core (schedstat): %.1f ms in all%n",
                probe.fxRunQueueNanos() / 1e6);
        threadCpu.print("  ");
        GcPauses.printAgainstStalls(pauses, longStalls, FxProbe.LONG_STALL_MILLIS);
        if (recording != null) {
            recording.print(longStalls);
        }
        System.out.printf("  heap: used after GC before the drop %.1f MB, after the burst %.1f MB; "
                + "highest used (sampled every 50 ms) %.1f MB%n", heapBefore / 1e6, heapAfter / 1e6, heapMax / 1e6);
    }

    private record Snapshot(int uploads, int failed, List<String> sent, List<String> thumbnails) {
    }

    /** On the FX thread: the uploads listed, and the photos in the chat (with their thumbnail decoded or not). */
    private static Snapshot snapshot(MainViewModel main, AttachmentsViewModel files) {
        List<String> sent = new ArrayList<>();
        List<String> thumbnails = new ArrayList<>();
        for (ChatRow row : main.chat().rows()) {
            if (row instanceof ChatRow.MessageRow m && m.message().attachment().isPresent()) {
                sent.add(m.id());
                if (files.hasThumbnail(m.id())) {
                    thumbnails.add(m.id());
                }
            }
        }
        int failed = (int) files.uploads().stream()
                .filter(u -> u.stateProperty().get() == dev.parley.desktop.ui.main.Transfer.State.FAILED).count();
        return new Snapshot(files.uploads().size(), failed, sent, thumbnails);
    }

    private static long min(Map<String, Long> times) {
        return times.values().stream().min(Long::compare).orElse(-1L);
    }

    private static long max(Map<String, Long> times) {
        return times.values().stream().max(Long::compare).orElse(-1L);
    }

    private static ParleyApp registered(AppDirectories dirs, String name, int port) throws Exception {
        ParleyApp app = ParleyApp.open(config(dirs, new ProfileName(name)));
        app.account().create(name, new RelayAddress(URI.create("ws://127.0.0.1:" + port + "/parley"), Optional.empty()),
                PASSPHRASE.toCharArray());
        app.account().register(Optional.empty());
        return app;
    }

    private static AppConfig config(AppDirectories dirs, ProfileName name) {
        return AppConfig.defaults(dirs, name).withArgon2(new Argon2Params(8 * 1024, 1, 1));
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

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The files of {@code dir} in name order (-Dparley.bench.files: any files instead of the generated photos). */
    private static List<Path> filesIn(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
