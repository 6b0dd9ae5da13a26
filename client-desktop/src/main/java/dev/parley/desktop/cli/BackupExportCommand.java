package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.profile.BackupProgress;
import dev.parley.desktop.service.BackupService;
import dev.parley.desktop.service.ServiceException;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", description = {"Write an encrypted backup of the profile to FILE (which must not exist).",
    "Secret: --backup-passphrase-file, else $" + BackupSecretOption.ENV + ", else a generated 30-digit recovery code",
    "printed once. Prints: backup FILE ROWS FILES BYTES (and: recovery-code CODE)."})
final class BackupExportCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file to create.")
    Path file;

    @Option(names = "--backup-passphrase-file", paramLabel = "FILE",
            description = "Read the backup passphrase from the first line of FILE.")
    Path secretFile;

    private char[] secret;

    @Override
    void validate() throws ServiceException {
        secret = BackupSecretOption.read(secretFile, root().environment(), false);
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        BackupService.Exported exported = app.backups().export(file, secret, progress());
        out().println("backup\t" + file + "\t" + exported.rows() + "\t" + exported.files() + "\t" + exported.bytes());
        if (exported.recoveryCode() != null) {
            out().println("recovery-code\t" + new String(exported.recoveryCode()));
            Arrays.fill(exported.recoveryCode(), '\0');
            err().println("parley-cli: write the recovery code down now: it is shown only this once, and the backup "
                    + "cannot be restored without it");
        }
        return ExitCode.OK;
    }

    @Override
    void afterClose() {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    private BackupProgress progress() {
        return BackupProgressBar.onTerminal(err(), "backing up");
    }
}
