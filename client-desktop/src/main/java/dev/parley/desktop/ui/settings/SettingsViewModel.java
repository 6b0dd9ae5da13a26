package dev.parley.desktop.ui.settings;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.Theme;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.unlock.PassphraseStrength;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings screen. Every change is saved at once (no "apply" button) and reported through
 * {@link #onChangedProperty()} so the app can re-theme or re-arm the auto-lock.
 */
public final class SettingsViewModel {
    private final SettingsGateway gateway;
    private final BackgroundTasks tasks;
    private final UserMessages messages;

    private final BooleanProperty readReceipts = new SimpleBooleanProperty(this, "readReceipts");
    private final BooleanProperty typingIndicators = new SimpleBooleanProperty(this, "typingIndicators");
    private final BooleanProperty notifications = new SimpleBooleanProperty(this, "notifications");
    private final BooleanProperty notificationText = new SimpleBooleanProperty(this, "notificationText");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final IntegerProperty autoLockMinutes = new SimpleIntegerProperty(this, "autoLockMinutes");
    private final ReadOnlyStringWrapper relay = new ReadOnlyStringWrapper(this, "relay", "");
    private final ReadOnlyStringWrapper embeddedRelay = new ReadOnlyStringWrapper(this, "embeddedRelay", "");
    private final ReadOnlyStringWrapper embeddedFingerprint = new ReadOnlyStringWrapper(this, "embeddedFingerprint", "");
    private final StringProperty currentPassphrase = new SimpleStringProperty(this, "currentPassphrase", "");
    private final StringProperty newPassphrase = new SimpleStringProperty(this, "newPassphrase", "");
    private final StringProperty confirmPassphrase = new SimpleStringProperty(this, "confirmPassphrase", "");
    private final StringBinding passphraseHint;
    private final ReadOnlyStringWrapper passphraseResult = new ReadOnlyStringWrapper(this, "passphraseResult", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObjectProperty<Consumer<SettingsValues>> onChanged = new SimpleObjectProperty<>(this, "onChanged");
    private final ObjectProperty<Runnable> onPassphraseChanged = new SimpleObjectProperty<>(this, "onPassphraseChanged");
    private final BooleanBinding canChangePassphrase;
    private boolean loading;
    private final BackupViewModel backup;
    private final BackupScheduleViewModel schedule;

    public SettingsViewModel(SettingsGateway gateway, BackgroundTasks tasks, UserMessages messages) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        this.backup = new BackupViewModel(gateway, tasks, messages);
        this.schedule = new BackupScheduleViewModel(gateway, tasks, messages, backup::showRecoveryCode);
        canChangePassphrase = Bindings.createBooleanBinding(() -> !currentPassphrase.get().isEmpty()
                && PassphraseStrength.of(newPassphrase.get()).acceptable()
                && newPassphrase.get().equals(confirmPassphrase.get()) && !tasks.busyProperty().get(),
                currentPassphrase, newPassphrase, confirmPassphrase, tasks.busyProperty());
        passphraseHint = Bindings.createStringBinding(() -> !confirmPassphrase.get().isEmpty()
                && !newPassphrase.get().equals(confirmPassphrase.get()) ? messages.get("passphrase.mismatch") : "",
                newPassphrase, confirmPassphrase);
        for (javafx.beans.Observable p : new javafx.beans.Observable[] {readReceipts, typingIndicators, notifications,
                notificationText, theme, autoLockMinutes}) {
            p.addListener(o -> save());
        }
    }

    public BooleanProperty readReceiptsProperty() {
        return readReceipts;
    }

    public BooleanProperty typingIndicatorsProperty() {
        return typingIndicators;
    }

    public BooleanProperty notificationsProperty() {
        return notifications;
    }

    public BooleanProperty notificationTextProperty() {
        return notificationText;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public IntegerProperty autoLockMinutesProperty() {
        return autoLockMinutes;
    }

    public ReadOnlyStringProperty relayProperty() {
        return relay.getReadOnlyProperty();
    }

    /** The address to give a second profile on this computer; empty when this profile runs no relay. */
    public ReadOnlyStringProperty embeddedRelayProperty() {
        return embeddedRelay.getReadOnlyProperty();
    }

    /** The TLS certificate fingerprint of the relay this profile runs; empty when it runs none or without TLS. */
    public ReadOnlyStringProperty embeddedFingerprintProperty() {
        return embeddedFingerprint.getReadOnlyProperty();
    }

    public StringProperty currentPassphraseProperty() {
        return currentPassphrase;
    }

    public StringProperty newPassphraseProperty() {
        return newPassphrase;
    }

    /** The new passphrase typed again: a typo in the new one would otherwise lock the user out. */
    public StringProperty confirmPassphraseProperty() {
        return confirmPassphrase;
    }

    /** "The passphrases do not match." while the confirmation differs from the new passphrase; else empty. */
    public StringBinding passphraseHintBinding() {
        return passphraseHint;
    }

    public ReadOnlyStringProperty passphraseResultProperty() {
        return passphraseResult.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canChangePassphraseBinding() {
        return canChangePassphrase;
    }

    /** Called with the new values after each saved change. */
    public ObjectProperty<Consumer<SettingsValues>> onChangedProperty() {
        return onChanged;
    }

    /**
     * Run after the passphrase was changed. A change rebuilds the profile's services, so the app locks and the user
     * unlocks with the new passphrase, which wires every screen to the new services.
     */
    public ObjectProperty<Runnable> onPassphraseChangedProperty() {
        return onPassphraseChanged;
    }

    /** Settings > Backup (issue #17). */
    public BackupViewModel backup() {
        return backup;
    }

    /** Settings > Backup, scheduled (issue #17). */
    public BackupScheduleViewModel schedule() {
        return schedule;
    }

    /** Loads the current values. */
    public void load() {
        backup.load();
        schedule.load();
        Optional<EmbeddedRelay> hosted = gateway.embeddedRelay();
        embeddedRelay.set(hosted.map(EmbeddedRelay::address).orElse(""));
        embeddedFingerprint.set(hosted.flatMap(EmbeddedRelay::fingerprint).orElse(""));
        tasks.run(() -> new Loaded(gateway.load(), gateway.relayAddress()), loaded -> {
            loading = true;
            try {
                SettingsValues v = loaded.values();
                readReceipts.set(v.readReceipts());
                typingIndicators.set(v.typingIndicators());
                notifications.set(v.notifications());
                notificationText.set(v.notificationText());
                theme.set(v.theme());
                autoLockMinutes.set(v.autoLockMinutes());
                relay.set(loaded.relay());
            } finally {
                loading = false;
            }
        }, e -> error.set(messages.describe(e)));
    }

    /** The values as currently shown. */
    public SettingsValues values() {
        return new SettingsValues(readReceipts.get(), typingIndicators.get(), notifications.get(),
                notificationText.get(), theme.get(),
                Math.max(0, Math.min(SettingsValues.MAX_AUTO_LOCK_MINUTES, autoLockMinutes.get())));
    }

    private void save() {
        if (loading) {
            return;
        }
        SettingsValues v = values();
        error.set("");
        tasks.runVoid(() -> gateway.save(v), () -> {
            Consumer<SettingsValues> callback = onChanged.get();
            if (callback != null) {
                callback.accept(v);
            }
        }, e -> error.set(messages.describe(e)));
    }

    /** Changes the passphrase; clears the three fields whatever the outcome. */
    public void changePassphrase() {
        if (!canChangePassphrase.get()) {
            return;
        }
        char[] current = currentPassphrase.get().toCharArray();
        char[] next = newPassphrase.get().toCharArray();
        currentPassphrase.set("");
        newPassphrase.set("");
        confirmPassphrase.set("");
        passphraseResult.set("");
        tasks.runVoid(() -> {
            try {
                gateway.changePassphrase(current, next);
            } finally {
                Arrays.fill(current, '\0');
                Arrays.fill(next, '\0');
            }
        }, () -> {
            passphraseResult.set(messages.get("settings.passphraseChanged"));
            Runnable callback = onPassphraseChanged.get();
            if (callback != null) {
                callback.run();
            }
        }, e -> passphraseResult.set(messages.describe(e)));
    }

    private record Loaded(SettingsValues values, String relay) {
    }
}
