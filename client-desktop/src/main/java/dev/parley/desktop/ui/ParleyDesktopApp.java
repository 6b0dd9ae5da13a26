package dev.parley.desktop.ui;

import dev.parley.desktop.threads.BackgroundThreads;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.common.ViewLoader;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: builds the session gateway and the shell, and tears them down on exit. */
public final class ParleyDesktopApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ParleyDesktopApp.class);

    private ExecutorService worker;
    private ExecutorService heavyWorker;
    private SessionGateway gateway;
    private AppShell shell;

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        options.dataDir().ifPresent(dir -> System.setProperty(ProfileSessions.DATA_DIR_PROPERTY, dir.toString()));
        worker = newWorkerPool();
        heavyWorker = newHeavyWorkerPool();
        BackgroundTasks tasks = new BackgroundTasks(worker, heavyWorker, Platform::runLater);
        UserMessages messages = new UserMessages(ViewLoader.defaultBundle());
        gateway = ProfileSessions.fromEnvironment();
        // SIGTERM or SIGINT (a closed terminal, logging out, `kill`) never reaches stop(): close the profile's database
        // and the relay anyway. Only a clean close leaves H2's file with a store header that points at its newest
        // chunk; after an unclean exit H2 has to find newer chunks itself, and once a profile came back without the
        // whole session it had written (docs/benchmarks.md, "Soak").
        SessionGateway closing = gateway;
        Runtime.getRuntime().addShutdownHook(new Thread(closing::close, "parley-exit"));
        shell = new AppShell(stage, gateway, tasks, messages, Clock.systemDefaultZone(), options.profile());
        shell.useDesktop(dev.parley.desktop.ui.common.DesktopHooks.system(getHostServices()::showDocument));
        shell.startWindowFirst(() -> {
            StartupTrace.mark("ready");
            // from now on the UI thread comes first, before the JIT too (BackgroundThreads; it reads /proc: not here)
            worker.execute(BackgroundThreads::lowerCompilerThreads);
            // the view records' equals linked before the UI thread first compares them (a burst's drop, its first
            // photo in the chat), below the UI thread's priority
            heavyWorker.execute(dev.parley.desktop.ui.main.RecordEqualsWarmUp::run);
        });
        StartupTrace.mark("shown");
    }

    /**
     * The pool of two daemon threads where the UI's background work that the user waits for runs (unlock, history
     * pages, a file chosen to preview, the image viewer), at the UI thread's priority.
     */
    public static ExecutorService newWorkerPool() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "parley-ui-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The pool of two daemon threads where the UI's CPU-heavy work that nobody waits for runs
     * ({@link BackgroundTasks#runHeavy}: uploads with their image re-encoding, encryption and hashing, downloads to a
     * file, thumbnails), below the UI thread's scheduling priority ({@link BackgroundThreads}): a burst of photos
     * keeps both threads busy, and on two cores the UI thread then waited for a core (issue #13).
     */
    public static ExecutorService newHeavyWorkerPool() {
        return BackgroundThreads.pool("parley-ui-heavy", 2);
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.shutdown();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (worker != null) {
            worker.shutdownNow();
        }
        if (heavyWorker != null) {
            heavyWorker.shutdownNow();
        }
        LOG.info("Parley stopped");
    }
}
