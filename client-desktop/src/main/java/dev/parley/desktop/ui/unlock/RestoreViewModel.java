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
import javafx.beans.property.ReadOnlyStringProperty;
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
    private final ObjectProperty<BackupService.SecretKind> kind = new SimpleObjectProperty<>(this, "kind");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final FirstRunFlow flow;
    private final StringBinding secretLabel;
    private final BooleanBinding canRestore;

    /** @param profile the profile name to suggest ({@code --profile}), or empty */
    public RestoreViewModel(String profile, ProfileGateway gateway, BackgroundTasks tasks, UserMessages messages) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        this.flow = new FirstRunFlow(this, profile, tasks, messages);
        secretLabel = Bindings.createStringBinding(() -> messages.get(kind.get() == null ? "restore.secret"
                : "restore.secret." + kind.get().name()), kind);
        canRestore = Bindings.createBooleanBinding(() -> !flow.busy.get() && !file.get().isBlank()
                        && !secret.get().isBlank() && !flow.profile.get().isBlank() && flow.passphraseReady(),
                flow.busy, file, secret, flow.profile, flow.strength, flow.passphrase, flow.confirmation);
        file.addListener((obs, was, now) -> inspect(now));
        secret.addListener((obs, was, now) -> {
            if (!flow.busy.get()) {
                flow.error.set("");
            }
        });
    }

    /** Reads which secret the chosen file wants (passphrase or recovery code) in the background. */
    private void inspect(String path) {
        kind.set(null);
        flow.error.set("");
        if (path.isBlank()) {
            return;
        }
        tasks.run(() -> gateway.backupSecretKind(Path.of(path.strip())), found -> {
            if (path.equals(file.get())) {
                kind.set(found);
            }
        }, e -> {
            if (path.equals(file.get())) {
                flow.error.set(describe(e));
            }
        });
    }

    /** Restores in the background; on success runs {@link #onRestoredProperty()}. */
    public void restore() {
        if (!canRestore.get()) {
            return;
        }
        char[] typedSecret = secret.get().toCharArray();
        char[] newPassphrase = flow.passphrase.get().toCharArray();
        String target = flow.profile.get().strip();
        Path backup = Path.of(file.get().strip());
        progress.set(0);
        BackupProgress onProgress = (phase, done, total) -> tasks.uiThread().execute(() -> {
            double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
            progress.set(phase == BackupProgress.Phase.DATABASE ? fraction * 0.5 : 0.5 + fraction * 0.5);
            flow.status.set(messages.get("restore.phase." + phase.name(), Math.round(progress.get() * 100)));
        });
        flow.run(messages.get("restore.started"),
                () -> gateway.restore(target, backup, typedSecret, newPassphrase, onProgress),
                () -> secret.set(""), this::describe);
    }

    private String describe(Exception e) {
        if (e instanceof WrongPassphraseException) {
            return messages.get("restore.wrongSecret");
        }
        if (e instanceof BackupUnreadableException) {
            return messages.get("restore.unreadable", e.getMessage());
        }
        if (e instanceof ProfileExistsException) {
            return messages.get("restore.exists", flow.profile.get().strip());
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
        return flow.profile;
    }

    public StringProperty passphraseProperty() {
        return flow.passphrase;
    }

    public StringProperty confirmationProperty() {
        return flow.confirmation;
    }

    public ObjectBinding<PassphraseStrength> strengthBinding() {
        return flow.strength;
    }

    public StringBinding secretLabelBinding() {
        return secretLabel;
    }

    public StringBinding confirmationHintBinding() {
        return flow.confirmationHint;
    }

    public BooleanBinding canRestoreBinding() {
        return canRestore;
    }

    /** The parts shared with the other first-run flows (their controllers bind them the same way). */
    FirstRunFlow flow() {
        return flow;
    }

    public ReadOnlyStringProperty errorProperty() {
        return flow.error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return flow.status.getReadOnlyProperty();
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return flow.busy.getReadOnlyProperty();
    }

    public ObjectProperty<Runnable> onRestoredProperty() {
        return flow.onDone;
    }
}
