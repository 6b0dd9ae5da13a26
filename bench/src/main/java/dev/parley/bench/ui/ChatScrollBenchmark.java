package dev.parley.bench.ui;

import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.ui.AppShell;
import dev.parley.desktop.ui.ProfileSessions;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import dev.parley.desktop.ui.main.ChatViewModel;
import dev.parley.desktop.ui.main.ConversationItem;
import dev.parley.desktop.ui.main.MainViewModel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;

/**
 * Scrolling a 100,000-message conversation in the real desktop UI, headless (Monocle, software rendering, the same
 * system properties as the UI tests). The profile ({@link BigConversationProfile}) is unlocked through the app's
 * {@link ProfileSessions}, the real {@link AppShell} shows the main window, the conversation is opened by selecting it
 * in the conversation list, and the chat is scrolled from the newest message to the oldest, one viewport height per
 * step, the way a user pages up.
 *
 * <p>Reports: time to first paint of the opened conversation (selection to the first pulse whose layout shows
 * bubbles), the first time in the JVM and when opened again; FX-thread time per scroll step (the scroll call plus the CSS and layout passes of the pulse that follows);
 * page-load latency (a page requested until its rows are in the list: background query plus the FX-thread insert);
 * steps that hit the top while a page was still loading (the user would see a stop); rows held and heap after GC.
 *
 * <p>With a second argument such as {@code plain,rich,plain,rich} it scrolls the plain conversation and #12's mixed one
 * ({@link BigConversationProfile.Shape#RICH}: 20% reactions, 5% edited, 5% replies) alternately in the same JVM, so
 * the two are compared under the same load.
 *
 * <p>With {@code -Dparley.bench.onScreen=true} the window shows on the X display of {@code DISPLAY} (Xvfb) instead of
 * headless Monocle, and {@code -Dparley.bench.screenshot=FILE.png} saves the window with the newest page as first
 * opened (each round overwrites it).
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.ui.ChatScrollBenchmark [max steps] [plain,rich,...]</pre>
 */
public final class ChatScrollBenchmark {
    private static final long TIMEOUT_S = 120;
    private static final java.util.List<Thread> WORKER_THREADS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Stats stats = new Stats();
    private Stage stage;
    private AppShell shell;
    private ListView<?> chatList;
    private ChatViewModel chat;

    private ChatScrollBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!Boolean.getBoolean("parley.bench.onScreen")) {
            headlessMonocle(); // on screen (DISPLAY=:92 ... -Dparley.bench.onScreen=true): for screenshots
        }
        int maxSteps = args.length > 0 ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
        // #12: "plain,rich,plain,rich" scrolls both conversations alternately in this JVM (same run, same load)
        String[] shapes = (args.length > 1 ? args[1] : "plain").split(",");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        ExecutorService worker = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-worker");
            t.setDaemon(true);
            WORKER_THREADS.add(t);
            return t;
        });
        try {
            for (String shape : shapes) {
                BigConversationProfile.Shape which = BigConversationProfile.Shape.valueOf(shape.toUpperCase(java.util.Locale.ROOT));
                System.out.printf("%n== %s conversation ==%n", which.name().toLowerCase(java.util.Locale.ROOT));
                try (BigConversationProfile profile = BigConversationProfile.copy(which);
                     ProfileSessions sessions = new ProfileSessions(profile.directories, profile::config)) {
                    sessions.unlock(BigConversationProfile.PROFILE, BigConversationProfile.PASSPHRASE.toCharArray());
                    new ChatScrollBenchmark().run(sessions, worker, maxSteps);
                }
            }
        } finally {
            worker.shutdownNow();
            Platform.exit();
        }
    }

    /** The UI tests' headless setup (client-desktop/pom.xml, surefire system properties). */
    static void headlessMonocle() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("javafx.cachedir", System.getProperty("javafx.cachedir",
                System.getProperty("java.io.tmpdir") + "/parley-bench-javafx-cache"));
    }

    private void run(ProfileSessions sessions, ExecutorService worker, int maxSteps) throws Exception {
        fx(() -> {
            stage = new Stage();
            shell = new AppShell(stage, sessions, new BackgroundTasks(worker, Platform::runLater),
                    new UserMessages(ViewLoader.defaultBundle()), Clock.systemDefaultZone(),
                    BigConversationProfile.PROFILE);
            shell.start();
            shell.showMain();
            return null;
        });
        MainViewModel main = fx(() -> shell.mainViewModel().orElseThrow());
        waitFor(() -> !main.conversations().allItems().isEmpty());
        chat = main.chat();
        // the chat pane is built right after the list has painted (#14), then makes its cells
        waitFor(() -> fx(() -> shell.scene().lookup("#chatList")) != null);
        chatList = fx(() -> (ListView<?>) shell.scene().lookup("#chatList"));
        // the chat makes its cells once the conversations show (ChatWarmUp), before the user can open one
        waitFor(() -> dev.parley.desktop.ui.main.ChatWarmUp.done(chatList));
        long warmUp = fx(() -> dev.parley.desktop.ui.main.ChatWarmUp.nanos(chatList));
        System.out.printf("the chat's cells made before the open (ChatWarmUp): %.1f ms of FX-thread CPU%n", warmUp / 1e6);
        fx(() -> {
            chat.loadingOlderProperty().addListener((obs, was, now) -> stats.loading(now));
            return null;
        });

        long heapBefore = usedHeapAfterGc();
        fxThreadId = fx(() -> Thread.currentThread().getId());
        long[] cpu0 = cpuNow();
        stats.firstPaintNanos = openConversation(main);
        long[] cpu1 = cpuNow();
        stats.openCpu = new long[] {cpu1[0] - cpu0[0], cpu1[1] - cpu0[1], cpu1[2] - cpu0[2]};
        String screenshot = System.getProperty("parley.bench.screenshot"); // FILE.png: the newest page as opened
        if (screenshot != null) {
            fx(() -> dev.parley.desktop.ui.common.SceneSnapshots.write(shell.scene(), Path.of(screenshot)));
        }
        // again, warm: closed (nothing selected), then selected again
        fx(() -> {
            main.conversations().selectedProperty().set(null);
            return null;
        });
        waitForPulse();
        long[] cpu2 = cpuNow();
        stats.warmPaintNanos = openConversation(main);
        long[] cpu3 = cpuNow();
        stats.reopenCpu = new long[] {cpu3[0] - cpu2[0], cpu3[1] - cpu2[1], cpu3[2] - cpu2[2]};
        long heapOpen = usedHeapAfterGc();
        int steps = scrollToOldest(maxSteps);
        long heapEnd = usedHeapAfterGc();
        fx(() -> {
            shell.shutdown();
            stage.close();
            return null;
        });
        stats.report(steps, heapBefore, heapOpen, heapEnd, new ProfileName(BigConversationProfile.PROFILE));
    }

    private long fxThreadId;

    /** CPU nanoseconds so far: the process, the FX thread, the worker threads (queries and row assembly). */
    private long[] cpuNow() {
        long workers = 0;
        for (Thread t : WORKER_THREADS) {
            workers += Math.max(0, THREADS.getThreadCpuTime(t.getId()));
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new long[] {process, THREADS.getThreadCpuTime(fxThreadId), workers};
    }

    /** Selects the conversation in the list; returns the nanoseconds until a pulse laid out its bubbles. */
    private long openConversation(MainViewModel main) throws Exception {
        long[] paint = new long[1];
        CountDownLatch painted = new CountDownLatch(1);
        AtomicLong start = new AtomicLong();
        fx(() -> {
            Scene scene = shell.scene();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                if (!chatList.getItems().isEmpty() && chatList.lookup(".bubble") != null
                        && chatList.lookup(".bubble").isVisible()) {
                    paint[0] = System.nanoTime() - start.get();
                    scene.removePostLayoutPulseListener(listener[0]);
                    painted.countDown();
                }
            };
            scene.addPostLayoutPulseListener(listener[0]);
            ConversationItem bob = main.conversations().visibleItems().get(0);
            @SuppressWarnings("unchecked")
            ListView<ConversationItem> list = (ListView<ConversationItem>) scene.lookup("#conversationList");
            start.set(System.nanoTime());
            list.getSelectionModel().clearSelection();
            list.getSelectionModel().select(bob);
            return null;
        });
        if (!painted.await(TIMEOUT_S, TimeUnit.SECONDS)) {
            throw new TimeoutException("the conversation never showed");
        }
        waitForPulse();
        return paint[0];
    }

    /** Pages up until the oldest message is at the top; returns the number of steps. */
    private int scrollToOldest(int maxSteps) throws Exception {
        int steps = 0;
        while (steps < maxSteps) {
            StepResult r = step();
            steps++;
            if (r.atTop && !r.loading && !r.hasOlder) {
                break;
            }
            if (r.atTop && r.loading) {
                stats.stalls++;
                waitFor(() -> !chat.loadingOlderProperty().get());
            }
        }
        return steps;
    }

    private record StepResult(boolean atTop, boolean loading, boolean hasOlder) {
    }

    private StepResult step() throws Exception {
        CountDownLatch laidOut = new CountDownLatch(1);
        long[] pre = new long[1];
        StepResult result = fx(() -> {
            Scene scene = shell.scene();
            VirtualFlow<?> flow = (VirtualFlow<?>) chatList.lookup(".virtual-flow");
            Runnable[] preListener = new Runnable[1];
            Runnable[] postListener = new Runnable[1];
            preListener[0] = () -> pre[0] = System.nanoTime();
            postListener[0] = () -> {
                stats.lastLayout = Math.max(1, System.nanoTime() - pre[0]);
                stats.layout.recordValue(stats.lastLayout);
                scene.removePreLayoutPulseListener(preListener[0]);
                scene.removePostLayoutPulseListener(postListener[0]);
                laidOut.countDown();
            };
            // a wheel event of one viewport, as the reader scrolls (a bare scrollPixels call is taken back by the
            // chat's bottom pin, which lets go only for the reader's own scrolling: ChatBottomPin)
            javafx.scene.input.ScrollEvent up = new javafx.scene.input.ScrollEvent(
                    javafx.scene.input.ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false, false, false, false,
                    0, flow.getHeight(), 0, flow.getHeight(), javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE,
                    0, javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
            long t0 = System.nanoTime();
            javafx.event.Event.fireEvent(flow, up);
            long call = System.nanoTime() - t0;
            stats.scrollCall.recordValue(Math.max(1, call));
            stats.pendingCall = call;
            scene.addPreLayoutPulseListener(preListener[0]);
            scene.addPostLayoutPulseListener(postListener[0]);
            Platform.requestNextPulse();
            stats.maxRows = Math.max(stats.maxRows, chatList.getItems().size());
            boolean atTop = flow.getFirstVisibleCell() != null && flow.getFirstVisibleCell().getIndex() == 0
                    && flow.getPosition() <= 0.0;
            return new StepResult(atTop, chat.loadingOlderProperty().get(), chat.hasOlder());
        });
        if (!laidOut.await(TIMEOUT_S, TimeUnit.SECONDS)) {
            throw new TimeoutException("no pulse after a scroll step");
        }
        stats.step.recordValue(Math.max(1, stats.pendingCall + stats.lastLayout));
        return result;
    }

    private void waitForPulse() throws Exception {
        CountDownLatch pulse = new CountDownLatch(1);
        fx(() -> {
            Scene scene = shell.scene();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                pulse.countDown();
            };
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
            return null;
        });
        pulse.await(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (!fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("condition not reached");
            }
            Thread.sleep(2);
        }
    }

    /** Runs {@code work} on the FX thread and waits for its result; on the FX thread already, runs it in place. */
    static <T> T fx(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** What is measured; histograms in nanoseconds. */
    private static final class Stats {
        final Histogram scrollCall = new Histogram(3);
        final Histogram layout = new Histogram(3);
        final Histogram step = new Histogram(3);
        final Histogram pageLoad = new Histogram(3);
        long firstPaintNanos;
        long warmPaintNanos;
        long[] openCpu;
        long[] reopenCpu;
        long pendingCall;
        int stalls;
        int maxRows;
        private long loadStarted;

        long lastLayout;

        void loading(boolean now) {
            if (now) {
                loadStarted = System.nanoTime();
            } else if (loadStarted != 0) {
                pageLoad.recordValue(Math.max(1, System.nanoTime() - loadStarted));
                loadStarted = 0;
            }
        }

        void report(int steps, long heapBefore, long heapOpen, long heapEnd, ProfileName profile) {
            System.out.printf("profile %s, %d messages, %d scroll steps (one viewport each), %d pages loaded, load "
                    + "average %.1f%n", profile.value(), BigConversationProfile.MESSAGES, steps, pageLoad.getTotalCount(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("first paint of the opened conversation: %.1f ms (cold), %.1f ms (opened again)%n",
                    firstPaintNanos / 1e6, warmPaintNanos / 1e6);
            System.out.printf("  CPU of the first open: process %.1f ms, FX thread %.1f ms, worker threads (queries, rows) "
                    + "%.1f ms%n", openCpu[0] / 1e6, openCpu[1] / 1e6, openCpu[2] / 1e6);
            System.out.printf("  CPU when opened again: process %.1f ms, FX thread %.1f ms, worker threads %.1f ms%n",
                    reopenCpu[0] / 1e6, reopenCpu[1] / 1e6, reopenCpu[2] / 1e6);
            line("FX time per scroll step (call + CSS/layout)", step);
            line("  of which the scroll call", scrollCall);
            line("  of which the pulse's CSS + layout", layout);
            line("page load (requested -> rows in the list)", pageLoad);
            System.out.printf("steps that reached the top while a page was loading: %d%n", stalls);
            System.out.printf("most rows in the list: %d%n", maxRows);
            System.out.printf("heap used after GC: before opening %.1f MB, after opening %.1f MB, at the oldest "
                    + "message %.1f MB%n", heapBefore / 1e6, heapOpen / 1e6, heapEnd / 1e6);
        }

        private static void line(String what, Histogram h) {
            System.out.printf("%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)%n", what,
                    h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6,
                    h.getTotalCount());
        }
    }
}
