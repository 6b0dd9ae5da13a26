package dev.parley.bench.ui;

import static dev.parley.bench.ui.ChatScrollBenchmark.fx;

import dev.parley.desktop.ui.AppShell;
import dev.parley.desktop.ui.ProfileSessions;
import dev.parley.desktop.ui.common.AvatarView;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import dev.parley.desktop.ui.main.ConversationListViewModel;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;

/**
 * Issue #14: the conversation list with {@value ManyConversationsProfile#CONVERSATIONS} conversations, avatars and
 * presence, in the real desktop UI headless under Monocle (the UI tests' settings, as {@link ChatScrollBenchmark}). The
 * profile ({@link ManyConversationsProfile}) is unlocked through the app's {@link ProfileSessions} and the real
 * {@link AppShell} shows the main window (1120 x 760).
 *
 * <ul>
 *   <li><b>first paint</b>: {@code showMain()} until the first pulse whose layout shows conversation rows (the list's
 *   background load, the rows, CSS, layout); then until every visible row shows its avatar image (looks loaded and
 *   decoded on the worker pool); and where the first paint's time went: the {@code showMain()} call (the window's views
 *   built), the first pulse (their CSS and layout) and when the list's query answered;</li>
 *   <li><b>filtering</b>: FX time per keystroke in the filter box while words are typed and erased again with
 *   backspace: the text change (filter predicate, sort, list update) plus the CSS and layout of the pulse after it.</li>
 * </ul>
 * With a first argument N, runs N times in one JVM, each on a fresh copy of the profile unlocked anew (the first also
 * pays for a cold JVM).
 *
 * <pre>java -cp bench/target/parley-bench.jar dev.parley.bench.ui.ConversationListBenchmark [runs]</pre>
 */
public final class ConversationListBenchmark {
    private static final long TIMEOUT_S = 120;
    private static final List<String> WORDS = List.of("maria", "chen", "friend01", "weekend", "zz");

    private final Histogram keystroke = new Histogram(3);
    /** FX-thread CPU time per keystroke (the same two parts): what the work costs, whatever else runs on the machine. */
    private final Histogram keystrokeCpu = new Histogram(3);
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private Stage stage;
    private AppShell shell;

    private ConversationListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ChatScrollBenchmark.headlessMonocle();
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        ExecutorService worker = Executors.newFixedThreadPool(2);
        System.out.printf("load average %s%n", loadAverage());
        try {
            for (int run = 1; run <= runs; run++) {
                try (ManyConversationsProfile profile = ManyConversationsProfile.copy();
                     ProfileSessions sessions = new ProfileSessions(profile.directories, profile::config)) {
                    sessions.unlock(ManyConversationsProfile.PROFILE, ManyConversationsProfile.PASSPHRASE.toCharArray());
                    System.out.printf("%n== run %d%s ==%n", run, run == 1 ? " (cold JVM)" : "");
                    new ConversationListBenchmark().run(sessions, worker);
                }
            }
        } finally {
            worker.shutdownNow();
            Platform.exit();
        }
        System.out.printf("load average %s%n", loadAverage());
    }

    private void run(ProfileSessions sessions, ExecutorService worker) throws Exception {
        fx(() -> {
            stage = new Stage();
            shell = new AppShell(stage, sessions, new BackgroundTasks(worker, Platform::runLater),
                    new UserMessages(ViewLoader.defaultBundle()), Clock.systemDefaultZone(),
                    ManyConversationsProfile.PROFILE);
            shell.start();
            return null;
        });
        long[] firstRows = new long[1];
        long[] allAvatars = new long[1];
        CountDownLatch rows = new CountDownLatch(1);
        CountDownLatch avatars = new CountDownLatch(1);
        double[] cpu = new double[2];
        double[] fxCpu = new double[1];
        long[] showMainCall = new long[2];
        long[] listedAt = new long[1];
        long[] firstPulse = new long[2];
        fx(() -> {
            long start = System.nanoTime();
            double cpuStart = processCpuMs();
            long fxCpuStart = THREADS.getCurrentThreadCpuTime();
            shell.showMain();
            showMainCall[0] = System.nanoTime() - start;
            showMainCall[1] = THREADS.getCurrentThreadCpuTime() - fxCpuStart;
            Scene scene = shell.scene();
            javafx.collections.ObservableList<?> items = shell.mainViewModel().orElseThrow().conversations().allItems();
            if (!items.isEmpty()) {
                listedAt[0] = showMainCall[0];
            } else {
                items.addListener(new javafx.collections.ListChangeListener<Object>() {
                    @Override
                    public void onChanged(Change<?> c) {
                        listedAt[0] = System.nanoTime() - start;
                        items.removeListener(this);
                    }
                });
            }
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                if (firstPulse[0] == 0) {
                    firstPulse[0] = System.nanoTime() - start;
                    firstPulse[1] = THREADS.getCurrentThreadCpuTime() - fxCpuStart;
                }
                List<AvatarView> shown = visibleAvatars(scene);
                if (!shown.isEmpty() && rows.getCount() > 0) {
                    firstRows[0] = System.nanoTime() - start;
                    cpu[0] = processCpuMs() - cpuStart;
                    fxCpu[0] = (THREADS.getCurrentThreadCpuTime() - fxCpuStart) / 1e6;
                    rows.countDown();
                }
                if (!shown.isEmpty() && shown.stream().allMatch(AvatarView::showsImage)) {
                    allAvatars[0] = System.nanoTime() - start;
                    cpu[1] = processCpuMs() - cpuStart;
                    scene.removePostLayoutPulseListener(listener[0]);
                    avatars.countDown();
                }
            };
            scene.addPostLayoutPulseListener(listener[0]);
            return null;
        });
        if (!rows.await(TIMEOUT_S, TimeUnit.SECONDS) || !avatars.await(TIMEOUT_S, TimeUnit.SECONDS)) {
            throw new TimeoutException("the conversation list never showed its rows and avatars");
        }
        ConversationListViewModel list = fx(() -> shell.mainViewModel().orElseThrow().conversations());
        int listed = fx(() -> list.allItems().size());
        int rowsShown = fx(() -> visibleAvatars(shell.scene()).size());
        System.out.printf("%d conversations, %d rows visible%n", listed, rowsShown);
        System.out.printf("first paint (showMain -> rows laid out): %.1f ms wall, %.0f ms process CPU, %.0f ms FX-thread CPU;"
                + " every visible row with its avatar: %.1f ms wall, %.0f ms process CPU%n", firstRows[0] / 1e6, cpu[0],
                fxCpu[0], allAvatars[0] / 1e6, cpu[1]);
        System.out.printf("  of which: the showMain() call (views built) %.1f ms wall, %.0f ms FX-thread CPU; the first"
                + " pulse's layout done at %.1f ms wall, %.0f ms FX-thread CPU; the list's query answered on the FX thread"
                + " at %.1f ms%n", showMainCall[0] / 1e6, showMainCall[1] / 1e6, firstPulse[0] / 1e6, firstPulse[1] / 1e6,
                listedAt[0] / 1e6);
        waitForLooks(list, listed);

        TextField filter = fx(() -> (TextField) shell.scene().lookup("#filter"));
        int matchesMin = Integer.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            for (String word : WORDS) {
                for (char c : word.toCharArray()) {
                    keystroke(() -> filter.appendText(String.valueOf(c)));
                }
                matchesMin = Math.min(matchesMin, fx(() -> list.visibleItems().size()));
                for (int i = 0; i < word.length(); i++) {
                    keystroke(filter::deletePreviousChar);
                }
            }
        }
        System.out.printf("filtering, FX time per keystroke (text change + the pulse's CSS/layout): p50 %.2f ms, p99 %.2f"
                        + " ms, max %.2f ms (n=%d keystrokes over %s and back, 3 times)%n",
                keystroke.getValueAtPercentile(50) / 1e6, keystroke.getValueAtPercentile(99) / 1e6,
                keystroke.getMaxValue() / 1e6, keystroke.getTotalCount(), WORDS);
        System.out.printf("filtering, FX-thread CPU per keystroke (the same two parts): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                keystrokeCpu.getValueAtPercentile(50) / 1e6, keystrokeCpu.getValueAtPercentile(99) / 1e6,
                keystrokeCpu.getMaxValue() / 1e6);
        fx(() -> {
            shell.shutdown();
            stage.close();
            return null;
        });
    }

    /** Waits until every conversation's look is loaded (so filtering runs on names, as a user would see it). */
    private static void waitForLooks(ConversationListViewModel list, int listed) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        long start = System.nanoTime();
        while (fx(() -> list.looks().values().stream().filter(l -> l.named()).count()) < listed) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("not every look loaded");
            }
            Thread.sleep(10);
        }
        System.out.printf("every look (all %d) loaded %.0f ms after the rows were checked%n", listed,
                (System.nanoTime() - start) / 1e6);
    }

    /** One keystroke: the change on the FX thread, then the next pulse's CSS and layout. */
    private void keystroke(Runnable change) throws Exception {
        CountDownLatch laidOut = new CountDownLatch(1);
        long[] pre = new long[2];
        long[] call = new long[2];
        long[] layout = new long[2];
        fx(() -> {
            Scene scene = shell.scene();
            Runnable[] preListener = new Runnable[1];
            Runnable[] postListener = new Runnable[1];
            preListener[0] = () -> {
                pre[0] = System.nanoTime();
                pre[1] = THREADS.getCurrentThreadCpuTime();
            };
            postListener[0] = () -> {
                layout[0] = System.nanoTime() - pre[0];
                layout[1] = THREADS.getCurrentThreadCpuTime() - pre[1];
                scene.removePreLayoutPulseListener(preListener[0]);
                scene.removePostLayoutPulseListener(postListener[0]);
                laidOut.countDown();
            };
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            change.run();
            call[0] = System.nanoTime() - t0;
            call[1] = THREADS.getCurrentThreadCpuTime() - c0;
            scene.addPreLayoutPulseListener(preListener[0]);
            scene.addPostLayoutPulseListener(postListener[0]);
            Platform.requestNextPulse();
            return null;
        });
        if (!laidOut.await(TIMEOUT_S, TimeUnit.SECONDS)) {
            throw new TimeoutException("no pulse after a keystroke");
        }
        keystroke.recordValue(Math.max(1, call[0] + layout[0]));
        keystrokeCpu.recordValue(Math.max(1, call[1] + layout[1]));
    }

    /** The avatars of the conversation rows that show. */
    private static List<AvatarView> visibleAvatars(Scene scene) {
        @SuppressWarnings("unchecked")
        ListView<Object> list = (ListView<Object>) scene.lookup("#conversationList");
        if (list == null) {
            return List.of();
        }
        return list.lookupAll(".conversation-cell .avatar").stream()
                .filter(n -> shows(n, list))
                .map(n -> (AvatarView) n)
                .toList();
    }

    /** Whether {@code node} and every parent up to {@code top} are visible (the flow hides the cells it keeps spare). */
    private static boolean shows(Node node, Node top) {
        for (Node n = node; n != null && n != top; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static double processCpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")).subList(0, 3));
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
