package dev.parley.desktop.ui.settings;

import dev.parley.desktop.profile.BackupProgress;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.unlock.PassphraseStrength;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings > Backup (issue #17): export the profile to a file under a backup passphrase typed twice, or under a
 * generated recovery code shown once. The export runs off the UI thread, reporting its progress.
 */
public final class BackupViewModel {
    private final SettingsGateway gateway;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final BooleanProperty useRecoveryCode = new SimpleBooleanProperty(this, "useRecoveryCode", true);
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final StringProperty confirm = new SimpleStringProperty(this, "confirm", "");
    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper recoveryCode = new ReadOnlyStringWrapper(this, "recoveryCode", "");
    private final BooleanBinding canExport;

    public BackupViewModel(SettingsGateway gateway, BackgroundTasks tasks, UserMessages messages) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        canExport = Bindings.createBooleanBinding(() -> !running.get() && !target.get().isBlank()
                && (useRecoveryCode.get() || PassphraseStrength.of(passphrase.get()).acceptable()
                && passphrase.get().equals(confirm.get())), running, target, useRecoveryCode, passphrase, confirm);
    }

    /** True: protect the backup with a generated 30-digit code; false: with the passphrase typed twice. */
    public BooleanProperty useRecoveryCodeProperty() {
        return useRecoveryCode;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    /** The file to write (it must not exist yet); prefilled with a suggestion. */
    public StringProperty targetProperty() {
        return target;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1 while an export runs: the database first, then the attachments. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the last export did ("Backup saved ...") or why it failed. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The generated recovery code after an export that made one, grouped; shown once (cleared by {@link #forget}). */
    public ReadOnlyStringProperty recoveryCodeProperty() {
        return recoveryCode.getReadOnlyProperty();
    }

    public BooleanBinding canExportBinding() {
        return canExport;
    }

    /** Prefills the target with the gateway's suggestion. */
    public void load() {
        tasks.run(() -> gateway.suggestedBackupFile().toString(), target::set, e -> result.set(messages.describe(e)));
    }

    /** Exports; clears the passphrase fields whatever the outcome. */
    public void export() {
        if (!canExport.get()) {
            return;
        }
        Path file = Path.of(target.get().strip());
        char[] secret = useRecoveryCode.get() ? null : passphrase.get().toCharArray();
        passphrase.set("");
        confirm.set("");
        result.set("");
        recoveryCode.set("");
        progress.set(0);
        running.set(true);
        BackupProgress report = (phase, done, total) -> {
            double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
            double overall = phase == BackupProgress.Phase.DATABASE ? fraction / 2 : 0.5 + fraction / 2;
            tasks.uiThread().execute(() -> progress.set(Math.max(progress.get(), overall)));
        };
        tasks.run(() -> {
            try {
                return gateway.exportBackup(file, secret, report);
            } finally {
                if (secret != null) {
                    Arrays.fill(secret, '\0');
                }
            }
        }, exported -> {
            running.set(false);
            progress.set(1);
            result.set(messages.get("settings.backup.saved", file.getFileName().toString(), exported.rows(),
                    exported.files()));
            if (exported.recoveryCode() != null) {
                recoveryCode.set(new String(exported.recoveryCode()));
                Arrays.fill(exported.recoveryCode(), '\0');
            }
        }, e -> {
            running.set(false);
            // The service says which input (the file exists, no such folder); its messages carry no secrets.
            result.set(e instanceof dev.parley.desktop.service.InvalidInputException ? e.getMessage()
                    : messages.describe(e));
        });
    }

    /** Shows a recovery code made elsewhere (scheduled backups) in the same once-only box. */
    void showRecoveryCode(String grouped) {
        result.set("");
        recoveryCode.set(grouped);
    }

    /** Drops the shown recovery code (the dialog closes). */
    public void forget() {
        recoveryCode.set("");
    }
}
