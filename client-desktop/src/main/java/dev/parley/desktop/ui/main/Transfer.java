package dev.parley.desktop.ui.main;

import dev.parley.desktop.service.AttachmentService;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One upload or download as the chat shows it: its progress bar, its cancel and retry. The transferring thread reports
 * progress here; the properties change on the UI thread only, and at most once per percent so a large file does not
 * flood it.
 */
public final class Transfer implements AttachmentService.TransferProgress {
    /** Where the transfer is: waiting for its turn (uploads run a few at a time), running, or stopped. */
    public enum State { QUEUED, RUNNING, FAILED, CANCELLED }

    private final String name;
    private final Executor uiThread;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.QUEUED);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper retryable =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "retryable", true);
    private volatile boolean cancelled;
    /** The last fraction posted to the UI thread, in whole percent (transferring thread only). */
    private int postedPercent = -1;
    private Runnable retry = () -> { };
    private Runnable abandon = () -> { };

    Transfer(String name, Executor uiThread) {
        this.name = Objects.requireNonNull(name);
        this.uiThread = Objects.requireNonNull(uiThread);
    }

    /** The file's (sanitised) name. */
    public String name() {
        return name;
    }

    /** 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why it failed, for the user; empty while running. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether trying again can help (not for a file larger than the relay accepts). */
    public javafx.beans.property.ReadOnlyBooleanProperty retryableProperty() {
        return retryable.getReadOnlyProperty();
    }

    @Override
    public void progress(long doneBytes, long totalBytes) {
        int percent = totalBytes <= 0 ? 100 : (int) Math.min(100, doneBytes * 100 / totalBytes);
        if (percent != postedPercent) {
            postedPercent = percent;
            uiThread.execute(() -> progress.set(percent / 100.0));
        }
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    /** Asks the transfer to stop before its next chunk. */
    public void cancel() {
        cancelled = true;
    }

    /** Starts it again (what was transferred already is kept by the service and not sent again). */
    public void retry() {
        retry.run();
    }

    void onRetry(Runnable action) {
        retry = Objects.requireNonNull(action);
    }

    /** Gives the transfer up for good (dismissed after it failed or was cancelled). */
    void abandon() {
        abandon.run();
    }

    void onAbandon(Runnable action) {
        abandon = Objects.requireNonNull(action);
    }

    /** Waiting or running: not yet failed or cancelled. */
    public boolean active() {
        return state.get() == State.QUEUED || state.get() == State.RUNNING;
    }

    void queued() {
        cancelled = false;
        postedPercent = -1;
        progress.set(0);
        state.set(State.QUEUED);
        error.set("");
    }

    void started() {
        cancelled = false;
        postedPercent = -1;
        state.set(State.RUNNING);
        error.set("");
    }

    void failed(String why, boolean byUser) {
        failed(why, byUser, true);
    }

    void failed(String why, boolean byUser, boolean canRetry) {
        retryable.set(canRetry);
        state.set(byUser ? State.CANCELLED : State.FAILED);
        error.set(why);
    }
}
