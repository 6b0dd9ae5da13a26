package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UiServices;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The "Message info" being shown: when the message was sent, delivered and read, and for the user's own group message
 * each member's receipts ("Read by N of M"). It reloads while shown when a receipt for that message arrives, so the
 * dialog moves live. Observable state only; all methods on the UI thread.
 */
public final class MessageInfoViewModel {
    private final UiServices services;
    private final BackgroundTasks tasks;
    private final Consumer<Exception> fail;
    private final ReadOnlyObjectWrapper<UiServices.Info> info = new ReadOnlyObjectWrapper<>(this, "info");
    /** The message shown, or null while no info is open. */
    private String shown;

    MessageInfoViewModel(UiServices services, BackgroundTasks tasks, Consumer<Exception> fail) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.fail = Objects.requireNonNull(fail);
    }

    /** The info of the message shown; null until loaded. */
    public ReadOnlyObjectProperty<UiServices.Info> infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** Loads the info of {@code messageId}, then calls {@code show} once (not if this device no longer has it). */
    public void open(String messageId, Runnable show) {
        shown = Objects.requireNonNull(messageId);
        info.set(null);
        tasks.run(() -> services.info(messageId), loaded -> {
            if (messageId.equals(shown) && loaded.isPresent()) {
                info.set(loaded.get());
                show.run();
            }
        }, fail);
    }

    /** The dialog closed: nothing is reloaded any more. */
    public void closed() {
        shown = null;
        info.set(null);
    }

    /** A service event: a receipt for {@code messageId} arrived (a member's, or the message's state moved). */
    public void receiptArrived(String messageId) {
        String open = shown;
        if (open == null || !open.equals(messageId)) {
            return;
        }
        tasks.run(() -> services.info(messageId), loaded -> {
            if (messageId.equals(shown)) {
                loaded.ifPresent(info::set);
            }
        }, fail);
    }
}
