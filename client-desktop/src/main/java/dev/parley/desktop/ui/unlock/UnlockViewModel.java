package dev.parley.desktop.ui.unlock;

import dev.parley.desktop.service.WrongPassphraseException;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The unlock screen: a profile picker (shown when there are several profiles), the passphrase, and the outcome.
 * A wrong passphrase clears the field, says so, and bumps {@link #wrongAttemptsProperty()} so the view shakes.
 */
public final class UnlockViewModel {
    private final ProfileGateway gateway;
    private final BackgroundTasks tasks;
    private final UserMessages messages;

    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final StringProperty profile = new SimpleStringProperty(this, "profile");
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper migration = new ReadOnlyStringWrapper(this, "migration", "");
    private final ReadOnlyIntegerWrapper wrongAttempts = new ReadOnlyIntegerWrapper(this, "wrongAttempts");
    private final ObjectProperty<Runnable> onUnlocked = new SimpleObjectProperty<>(this, "onUnlocked");
    private final BooleanBinding canUnlock;
    private final BooleanBinding severalProfiles;

    public UnlockViewModel(String initialProfile, List<String> knownProfiles, ProfileGateway gateway,
                           BackgroundTasks tasks, UserMessages messages) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        profiles.setAll(knownProfiles);
        profile.set(initialProfile != null && knownProfiles.contains(initialProfile) ? initialProfile
                : knownProfiles.isEmpty() ? null : knownProfiles.get(0));
        canUnlock = Bindings.createBooleanBinding(() -> profile.get() != null && !passphrase.get().isEmpty()
                && !tasks.busyProperty().get(), profile, passphrase, tasks.busyProperty());
        severalProfiles = Bindings.size(profiles).greaterThan(1);
        profile.addListener((obs, was, now) -> error.set(""));
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * While an older profile's history is updated during the unlock: "Updating your message history… 45%" (at most
     * a few changes a second); empty otherwise.
     */
    public ReadOnlyStringProperty migrationProperty() {
        return migration.getReadOnlyProperty();
    }

    /** Incremented on every wrong passphrase (the view shakes the field when it changes). */
    public ReadOnlyIntegerProperty wrongAttemptsProperty() {
        return wrongAttempts.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public BooleanBinding canUnlockBinding() {
        return canUnlock;
    }

    /** Whether to show the profile picker. */
    public BooleanBinding severalProfilesBinding() {
        return severalProfiles;
    }

    public ObjectProperty<Runnable> onUnlockedProperty() {
        return onUnlocked;
    }

    /** Unlocks the chosen profile in the background. */
    public void unlock() {
        if (!canUnlock.get()) {
            return;
        }
        char[] secret = passphrase.get().toCharArray();
        String name = profile.get();
        passphrase.set("");
        error.set("");
        MigrationText text = new MigrationText(messages, tasks.uiThread(), migration::set, System::nanoTime);
        tasks.runVoid(() -> {
            try {
                gateway.unlock(name, secret, text);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, () -> {
            migration.set("");
            Runnable r = onUnlocked.get();
            if (r != null) {
                r.run();
            }
        }, e -> {
            migration.set("");
            if (e instanceof WrongPassphraseException) {
                wrongAttempts.set(wrongAttempts.get() + 1);
            }
            error.set(messages.describe(e));
        });
    }
}
