package dev.parley.desktop.ui.main;

import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.UiServices;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The open conversation's disappearing-messages timer, as the chat header's picker shows and sets it (off, 30 s,
 * 5 min, 1 h, 8 h, 1 day, 1 week, 4 weeks). Setting it writes the system line; the chat reloads to show it. All
 * methods on the UI thread; service calls through {@link BackgroundTasks}.
 */
public final class DisappearingTimerViewModel {
    private final UiServices services;
    private final BackgroundTasks tasks;
    private final Supplier<ContactView> contact;
    private final Runnable changed;
    private final Consumer<Exception> fail;
    private final ReadOnlyObjectWrapper<DisappearingTimer> timer =
            new ReadOnlyObjectWrapper<>(this, "timer", DisappearingTimer.OFF);

    DisappearingTimerViewModel(UiServices services, BackgroundTasks tasks, Supplier<ContactView> contact,
                               Runnable changed, Consumer<Exception> fail) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.contact = Objects.requireNonNull(contact);
        this.changed = Objects.requireNonNull(changed);
        this.fail = Objects.requireNonNull(fail);
    }

    /** The open conversation's timer ({@link DisappearingTimer#OFF} when none). */
    public ReadOnlyObjectProperty<DisappearingTimer> timerProperty() {
        return timer.getReadOnlyProperty();
    }

    /** Reads the open conversation's timer (on opening it, or when a timer change arrived). */
    void reload() {
        ContactView c = contact.get();
        if (c == null) {
            timer.set(DisappearingTimer.OFF);
            return;
        }
        String name = c.username();
        tasks.run(() -> services.disappearing(name), now -> {
            ContactView open = contact.get();
            if (open != null && open.username().equals(name)) {
                timer.set(now);
            }
        }, fail);
    }

    /** Sets the open conversation's timer for both sides (either may); nothing happens if it is already that one. */
    public void set(DisappearingTimer next) {
        ContactView c = contact.get();
        if (c == null || !c.canSend() || next == timer.get()) {
            return;
        }
        String name = c.username();
        tasks.runVoid(() -> services.setDisappearing(name, next), () -> {
            ContactView open = contact.get();
            if (open != null && open.username().equals(name)) {
                timer.set(next);
                changed.run();
            }
        }, fail);
    }
}
