package dev.parley.desktop.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs slow work (unlock, network, history pages) off the UI thread and hands the typed outcome back on it.
 *
 * <p>The UI thread is an injected {@link Executor}: {@code Platform::runLater} in the app, the calling thread in view
 * model tests, so view models are testable without a toolkit. Every submission increments {@link #busyProperty()}
 * until its handler has run; the handlers always run on the UI executor.
 */
public final class BackgroundTasks {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    private final Executor worker;
    private final Executor heavyWorker;
    private final Executor uiThread;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private int running;

    /**
     * @param worker   where the work runs (a small daemon pool in the app)
     * @param uiThread where the handlers run and where {@link #busyProperty()} changes
     */
    public BackgroundTasks(Executor worker, Executor uiThread) {
        this(worker, worker, uiThread);
    }

    /**
     * @param worker      where the work the user waits for runs (unlock, history pages, a file to preview)
     * @param heavyWorker where the CPU-heavy work nobody waits for runs ({@link #runHeavy}: uploads, downloads to a
     *                    file, thumbnails): in the app, threads below the UI thread's scheduling priority
     * @param uiThread    where the handlers run and where {@link #busyProperty()} changes
     */
    public BackgroundTasks(Executor worker, Executor heavyWorker, Executor uiThread) {
        this.worker = Objects.requireNonNull(worker);
        this.heavyWorker = Objects.requireNonNull(heavyWorker);
        this.uiThread = Objects.requireNonNull(uiThread);
    }

    /** Both work and handlers on the calling thread: for view model tests. */
    public static BackgroundTasks synchronous() {
        return new BackgroundTasks(Runnable::run, Runnable::run);
    }

    /** The UI-thread executor, for view models that marshal service events onto it. */
    public Executor uiThread() {
        return uiThread;
    }

    /** True while at least one submitted task has not finished its handler. Changes on the UI thread. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Runs {@code work} on the worker; then {@code onSuccess} or {@code onFailure} on the UI thread.
     * Must be called on the UI thread.
     */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        submit(worker, work, onSuccess, onFailure);
    }

    /**
     * As {@link #run}, for CPU-heavy work that runs while the user goes on using the window (an upload's image
     * re-encoding, encryption and hashing; a download to a file; decoding thumbnails): on the heavy worker, so that
     * on a machine with few cores the UI thread gets a core before it (issue #13) and the ordinary worker stays free
     * for what the user waits for.
     */
    public <T> void runHeavy(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        submit(heavyWorker, work, onSuccess, onFailure);
    }

    private <T> void submit(Executor on, Callable<T> work, Consumer<? super T> onSuccess,
                            Consumer<? super Exception> onFailure) {
        Objects.requireNonNull(work);
        Objects.requireNonNull(onSuccess);
        Objects.requireNonNull(onFailure);
        running++;
        busy.set(true);
        on.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                uiThread.execute(() -> finish(() -> onFailure.accept(e)));
                return;
            } catch (Error e) {
                LOG.error("background task failed unexpectedly", e);
                uiThread.execute(() -> finish(() -> { }));
                throw e;
            }
            uiThread.execute(() -> finish(() -> onSuccess.accept(result)));
        });
    }

    /** A task that produces no value. */
    public void runVoid(VoidWork work, Runnable onSuccess, Consumer<? super Exception> onFailure) {
        run(() -> {
            work.run();
            return Boolean.TRUE;
        }, ignored -> onSuccess.run(), onFailure);
    }

    private void finish(Runnable handler) {
        try {
            handler.run();
        } finally {
            running--;
            busy.set(running > 0);
        }
    }

    /** Work without a result that may fail with a checked exception. */
    @FunctionalInterface
    public interface VoidWork {
        void run() throws Exception;
    }
}
