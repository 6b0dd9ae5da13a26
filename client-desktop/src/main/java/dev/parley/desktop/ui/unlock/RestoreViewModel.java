package dev.parley.desktop.ui.unlock;

import dev.parley.desktop.profile.BackupProgress;
import dev.parley.desktop.service.BackupService;
import dev.parley.desktop.service.BackupUnreadableException;
import dev.parley.desktop.service.ProfileExistsException;
import dev.parley.desktop.service.WrongPassphraseException;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Restore from a backup" on first run (issue #17): the backup file (its header says whether it wants a passphrase or
 * a recovery code), that secret, the profile name and a new passphrase for this computer (typed twice, as strong as a
 * new profile's); the restore runs in the background with progress; a wrong secret, a damaged, cut or newer file, or
 * a taken name gives a clear error and writes nothing.
 */
public final class RestoreViewModel {
    private final ProfileGateway gateway;
    private final BackgroundTasks tasks;
    private final UserMessages messages;

    private final StringProperty file = new SimpleStringProperty(this, "file", "");
    private final StringProperty secret = new SimpleStringProperty(this, "secret", "");
    private final StringProperty profile = new SimpleStringProperty(this, "profile", "");
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final ObjectProperty<BackupService.SecretKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ObjectBinding<PassphraseStrength> strength;
    private final StringBinding secretLabel;
    private final StringBinding confirmationHint;
    private final BooleanBinding canRestore;
    private final ObjectProperty<Runnable> onRestored = new SimpleObjectProperty<>(this, "onRestored");

    /** @param profile the profile name to suggest ({@code --profile}), or empty */
    public RestoreViewModel(String profile, ProfileGateway gateway, BackgroundTasks tasks, UserMessages messages) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        this.profile.set(Objects.requireNonNull(profile));
        strength = Bindings.createObjectBinding(() -> PassphraseStrength.of(passphrase.get()), passphrase);
        secretLabel = Bindings.createStringBinding(() -> messages.get(kind.get() == null ? "restore.secret"
                : "restore.secret." + kind.get().name()), kind);
        confirmationHint = Bindings.createStringBinding(() ->
                confirmation.get().isEmpty() || confirmation.get().equals(passphrase.get()) ? ""
                        : messages.get("passphrase.mismatch"), passphrase, confirmation);
        canRestore = Bindings.createBooleanBinding(() -> !busy.get() && !file.get().isBlank()
                        && !secret.get().isBlank() && !this.profile.get().isBlank() && strength.get().acceptable()
                        && confirmation.get().equals(passphrase.get()),
                busy, file, secret, this.profile, strength, passphrase, confirmation);
        file.addListener((obs, was, now) -> inspect(now));
        secret.addListener((obs, was, now) -> {
            if (!busy.get()) {
                error.set("");
            }
        });
    }

    /** Reads which secret the chosen file wants (passphrase or recovery code) in the background. */
    private void inspect(String path) {
        kind.set(null);
        error.set("");
        if (path.isBlank()) {
            return;
        }
        tasks.run(() -> gateway.backupSecretKind(Path.of(path.strip())), found -> {
            if (path.equals(file.get())) {
                kind.set(found);
            }
        }, e -> {
            if (path.equals(file.get())) {
                error.set(describe(e));
            }
        });
    }

    /** Restores in the background; on success runs {@link #onRestoredProperty()}. */
    public void restore() {
        if (!canRestore.get()) {
            return;
        }
        char[] typedSecret = secret.get().toCharArray();
        char[] newPassphrase = passphrase.get().toCharArray();
        String target = profile.get().strip();
        Path backup = Path.of(file.get().strip());
        error.set("");
        progress.set(0);
        status.set(messages.get("restore.started"));
        busy.set(true);
        BackupProgress onProgress = (phase, done, total) -> tasks.uiThread().execute(() -> {
            double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
            progress.set(phase == BackupProgress.Phase.DATABASE ? fraction * 0.5 : 0.5 + fraction * 0.5);
            status.set(messages.get("restore.phase." + phase.name(), Math.round(progress.get() * 100)));
        });
        tasks.runVoid(() -> gateway.restore(target, backup, typedSecret, newPassphrase, onProgress), () -> {
            busy.set(false);
            secret.set("");
            passphrase.set("");
            confirmation.set("");
            Runnable r = onRestored.get();
            if (r != null) {
                r.run();
            }
        }, e -> {
            busy.set(false);
            status.set("");
            error.set(describe(e));
        });
    }

    private String describe(Exception e) {
        if (e instanceof WrongPassphraseException) {
            return messages.get("restore.wrongSecret");
        }
        if (e instanceof BackupUnreadableException) {
            return messages.get("restore.unreadable", e.getMessage());
        }
        if (e instanceof ProfileExistsException) {
            return messages.get("restore.exists", profile.get().strip());
        }
        return messages.describe(e);
    }

    public StringProperty fileProperty() {
        return file;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ObjectBinding<PassphraseStrength> strengthBinding() {
        return strength;
    }

    public StringBinding secretLabelBinding() {
        return secretLabel;
    }

    public StringBinding confirmationHintBinding() {
        return confirmationHint;
    }

    public BooleanBinding canRestoreBinding() {
        return canRestore;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObjectProperty<Runnable> onRestoredProperty() {
        return onRestored;
    }
}
