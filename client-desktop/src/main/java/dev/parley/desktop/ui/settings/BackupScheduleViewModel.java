package dev.parley.desktop.ui.settings;

import dev.parley.desktop.service.backup.BackupSchedule;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings > Backup, scheduled (issue #17): a folder, how often (off, daily, weekly) and how many to keep. Setting it
 * the first time shows the recovery code all scheduled backups use, once (through the export's code box).
 */
public final class BackupScheduleViewModel {
    /** What the interval picker offers. */
    public enum Choice { OFF, DAILY, WEEKLY }

    private final SettingsGateway gateway;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final Consumer<String> showCode;
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(this, "choice", Choice.OFF);
    private final IntegerProperty keep = new SimpleIntegerProperty(this, "keep", 7);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final BooleanBinding canSave;

    /** @param showCode shows a newly generated recovery code once */
    public BackupScheduleViewModel(SettingsGateway gateway, BackgroundTasks tasks, UserMessages messages,
                                   Consumer<String> showCode) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        this.showCode = Objects.requireNonNull(showCode);
        canSave = Bindings.createBooleanBinding(() -> choice.get() == Choice.OFF
                || !folder.get().isBlank() && keep.get() >= 1 && keep.get() <= BackupSchedule.MAX_KEEP, choice, folder,
                keep);
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public ObjectProperty<Choice> choiceProperty() {
        return choice;
    }

    public IntegerProperty keepProperty() {
        return keep;
    }

    /** The schedule in force ("Every day into ..."), or why saving failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    /** Shows the schedule in force. */
    public void load() {
        tasks.run(gateway::backupSchedule, this::show, e -> status.set(messages.describe(e)));
    }

    /** Sets, changes or stops the schedule. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        Choice picked = choice.get();
        Path target = picked == Choice.OFF ? null : Path.of(folder.get().strip());
        int count = keep.get();
        tasks.run(() -> {
            if (picked == Choice.OFF) {
                gateway.clearBackupSchedule();
                return Optional.<char[]>empty();
            }
            return gateway.setBackupSchedule(target, BackupSchedule.Interval.valueOf(picked.name()), count);
        }, code -> {
            code.ifPresent(c -> {
                showCode.accept(new String(c));
                Arrays.fill(c, '\0');
            });
            load();
        }, e -> status.set(e instanceof dev.parley.desktop.service.InvalidInputException ? e.getMessage()
                : messages.describe(e)));
    }

    private void show(Optional<BackupSchedule> schedule) {
        if (schedule.isEmpty()) {
            choice.set(Choice.OFF);
            status.set(messages.get("settings.schedule.off"));
            return;
        }
        BackupSchedule s = schedule.get();
        folder.set(s.folder().toString());
        choice.set(Choice.valueOf(s.interval().name()));
        keep.set(s.keep());
        String last = s.lastRunMillis() == 0 ? messages.get("settings.schedule.never")
                : Instant.ofEpochMilli(s.lastRunMillis()).toString();
        status.set(messages.get("settings.schedule.on." + s.interval().name(), s.keep(), last));
    }
}
