package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = {"Create the profile (--profile NEW, which must not exist) from the backup FILE,",
    "protected by the passphrase given as for 'init'. Backup secret: --backup-passphrase-file, else $"
        + BackupSecretOption.ENV + ", else a prompt.",
    "Sessions restart: write to your contacts to start new ones. Prints: restored USERNAME FINGERPRINT."})
final class BackupRestoreCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file.")
    Path file;

    @Option(names = "--backup-passphrase-file", paramLabel = "FILE",
            description = "Read the backup passphrase or recovery code from the first line of FILE.")
    Path secretFile;

    private char[] secret;

    @Override
    boolean createsProfile() {
        return true;
    }

    @Override
    void validate() throws ServiceException {
        secret = BackupSecretOption.read(secretFile, root().environment(), true);
        if (secret == null) {
            throw new InvalidInputException("no backup secret: use --backup-passphrase-file or "
                    + BackupSecretOption.ENV);
        }
    }

    @Override
    void create(ParleyApp app, char[] passphrase) throws ServiceException {
        app.backups().restore(file, secret, passphrase, BackupProgressBar.onTerminal(err(), "restoring"));
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        out().println("restored\t" + app.account().status().username() + "\t" + app.account().status().fingerprint());
        return ExitCode.OK;
    }

    @Override
    void afterClose() {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
