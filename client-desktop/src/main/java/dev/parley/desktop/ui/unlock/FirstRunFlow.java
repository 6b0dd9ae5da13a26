package dev.parley.desktop.ui.unlock;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the first-run flows that make a profile from elsewhere share (issue #17: "Link to an existing account" and
 * "Restore from a backup"): the profile name, this computer's new passphrase typed twice with its strength, and one
 * background run with a status line, a busy flag, the error it ended with, and what follows success (the typed
 * passphrases are cleared, then the main window opens).
 */
final class FirstRunFlow {
    final StringProperty profile;
    final StringProperty passphrase;
    final StringProperty confirmation;
    final ReadOnlyStringWrapper error;
    final ReadOnlyStringWrapper status;
    final ReadOnlyBooleanWrapper busy;
    final ObjectBinding<PassphraseStrength> strength;
    final StringBinding confirmationHint;
    final ObjectProperty<Runnable> onDone;
    private final BackgroundTasks tasks;

    /** @param owner the view model whose properties these are; {@code profile} the name to suggest, or empty */
    FirstRunFlow(Object owner, String profile, BackgroundTasks tasks, UserMessages messages) {
        this.tasks = Objects.requireNonNull(tasks);
        Objects.requireNonNull(messages);
        this.profile = new SimpleStringProperty(owner, "profile", Objects.requireNonNull(profile));
        this.passphrase = new SimpleStringProperty(owner, "passphrase", "");
        this.confirmation = new SimpleStringProperty(owner, "confirmation", "");
        this.error = new ReadOnlyStringWrapper(owner, "error", "");
        this.status = new ReadOnlyStringWrapper(owner, "status", "");
        this.busy = new ReadOnlyBooleanWrapper(owner, "busy", false);
        this.onDone = new SimpleObjectProperty<>(owner, "onDone");
        strength = Bindings.createObjectBinding(() -> PassphraseStrength.of(passphrase.get()), passphrase);
        confirmationHint = Bindings.createStringBinding(() ->
                confirmation.get().isEmpty() || confirmation.get().equals(passphrase.get()) ? ""
                        : messages.get("passphrase.mismatch"), passphrase, confirmation);
    }

    /** Whether the new passphrase is strong enough and typed the same twice. */
    boolean passphraseReady() {
        return strength.get().acceptable() && confirmation.get().equals(passphrase.get());
    }

    /**
     * Runs {@code work} in the background showing {@code statusText}; on success clears the passphrases, runs
     * {@code clear} (more typed secrets) and {@link #onDone}; on failure shows {@code describe}'s sentence.
     */
    void run(String statusText, BackgroundTasks.VoidWork work, Runnable clear, Function<Exception, String> describe) {
        error.set("");
        status.set(statusText);
        busy.set(true);
        tasks.runVoid(work, () -> {
            busy.set(false);
            status.set("");
            passphrase.set("");
            confirmation.set("");
            clear.run();
            Runnable r = onDone.get();
            if (r != null) {
                r.run();
            }
        }, e -> {
            busy.set(false);
            status.set("");
            error.set(describe.apply(e));
        });
    }
}
