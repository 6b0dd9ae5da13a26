package dev.parley.desktop.ui.people;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The optional profile step after creating a profile (issue #14): a display name, an about line and a picture, saved
 * (and later sent to contacts) with "Continue", or nothing with "Skip". Either way {@link #onDoneProperty()} runs.
 */
public final class ProfileStepViewModel {
    private final PeopleGateway people;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty about = new SimpleStringProperty(this, "about", "");
    private final ObjectProperty<Path> avatarFile = new SimpleObjectProperty<>(this, "avatarFile");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObjectProperty<Runnable> onDone = new SimpleObjectProperty<>(this, "onDone");
    private final BooleanBinding empty;

    public ProfileStepViewModel(PeopleGateway people, BackgroundTasks tasks, UserMessages messages) {
        this.people = Objects.requireNonNull(people);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        empty = Bindings.createBooleanBinding(() -> displayName.get().isBlank() && about.get().isBlank()
                && avatarFile.get() == null, displayName, about, avatarFile);
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty aboutProperty() {
        return about;
    }

    /** The picture chosen; null for none. */
    public ObjectProperty<Path> avatarFileProperty() {
        return avatarFile;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while nothing was entered ("Continue" then does the same as "Skip"). */
    public BooleanBinding emptyBinding() {
        return empty;
    }

    /** Runs once the step is over (saved or skipped). */
    public ObjectProperty<Runnable> onDoneProperty() {
        return onDone;
    }

    /** Saves what was entered (in the background); a refused name or picture keeps the step open and says why. */
    public void save() {
        if (empty.get()) {
            skip();
            return;
        }
        error.set("");
        String name = displayName.get().strip();
        String text = about.get().strip();
        Optional<Path> file = Optional.ofNullable(avatarFile.get());
        tasks.run(() -> people.saveProfile(name, text, file, false), saved -> skip(),
                e -> error.set(messages.describe(e)));
    }

    /** Leaves the profile empty; it can be set later in Settings. */
    public void skip() {
        Runnable done = onDone.get();
        if (done != null) {
            done.run();
        }
    }
}
