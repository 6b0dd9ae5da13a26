package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.backup.BackupSchedule;
import dev.parley.desktop.service.backup.ScheduledBackups;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "schedule", description = {"Scheduled backups (while the profile is unlocked, e.g. during listen).",
    "With --folder: back up into that folder every day or week, keeping the newest --keep files; the first time",
    "prints the recovery code all scheduled backups use (once). --off stops them; --run writes one now if it is due.",
    "Without options prints: schedule FOLDER INTERVAL KEEP LAST-RUN-MS (or: schedule off)."})
final class BackupScheduleCommand extends ProfileCommand {
    @Option(names = "--folder", paramLabel = "DIR", description = "The folder the backups go into (must exist).")
    Path folder;

    @Option(names = "--every", paramLabel = "daily|weekly", defaultValue = "daily",
            description = "How often: daily (default) or weekly.")
    String every;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "7", description = "How many to keep (1-100, default 7).")
    int keep;

    @Option(names = "--off", description = "Stop scheduled backups and forget their recovery code.")
    boolean off;

    @Option(names = "--run", description = "Write a scheduled backup now if one is due.")
    boolean run;

    private BackupSchedule.Interval interval;

    @Override
    void validate() throws ServiceException {
        try {
            interval = BackupSchedule.Interval.valueOf(every.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--every takes daily or weekly");
        }
        if (off && (folder != null || run)) {
            throw new InvalidInputException("--off cannot be combined with --folder or --run");
        }
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        ScheduledBackups scheduled = app.scheduledBackups();
        if (off) {
            scheduled.clear();
        } else if (folder != null) {
            Optional<char[]> code = scheduled.set(folder.toAbsolutePath(), interval, keep);
            if (code.isPresent()) {
                out().println("recovery-code\t" + new String(code.get()));
                Arrays.fill(code.get(), '\0');
                err().println("parley-cli: write the recovery code down now: it is shown only this once, and the "
                        + "scheduled backups cannot be restored without it");
            }
        }
        if (run) {
            scheduled.runIfDue().ifPresent(file -> out().println("backup\t" + file));
        }
        Optional<BackupSchedule> schedule = scheduled.schedule();
        out().println(schedule.map(s -> "schedule\t" + s.folder() + "\t" + s.interval().name().toLowerCase(Locale.ROOT)
                + "\t" + s.keep() + "\t" + s.lastRunMillis()).orElse("schedule\toff"));
        return ExitCode.OK;
    }
}
