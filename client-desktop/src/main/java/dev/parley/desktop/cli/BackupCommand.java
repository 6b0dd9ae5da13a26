package dev.parley.desktop.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code backup export FILE} and {@code --profile NEW backup restore FILE} (issue #17). */
@Command(name = "backup", description = "Encrypted backups of the whole profile (not its sessions, which restart).",
        subcommands = {BackupExportCommand.class, BackupRestoreCommand.class,
            BackupScheduleCommand.class})
final class BackupCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a backup command is required (export, restore, schedule)");
    }
}
