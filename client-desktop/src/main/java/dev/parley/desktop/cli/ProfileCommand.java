package dev.parley.desktop.cli;

import dev.parley.desktop.app.AppConfig;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.InvalidProfileNameException;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.service.ServiceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.parley.desktop.service.RelayUnreachableException;
import java.io.IOException;
import picocli.CommandLine;

/**
 * A command that checks its arguments, opens the profile, unlocks it, does its work and locks it again, mapping
 * failures to exit codes. Arguments are checked before the (deliberately slow) unlock, so a usage error is immediate.
 */
abstract class ProfileCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether this command creates the profile instead of unlocking it. */
    boolean createsProfile() {
        return false;
    }

    /** Creates the profile (only for commands that {@link #createsProfile()}). */
    void create(ParleyApp app, char[] passphrase) throws ServiceException {
        throw new IllegalStateException("this command does not create profiles");
    }

    /** Checks the arguments before the profile is opened; throw {@code InvalidInputException} for a usage error. */
    void validate() throws ServiceException {
    }

    abstract ExitCode run(ParleyApp app) throws ServiceException, InterruptedException;

    @Override
    public final Integer call() {
        AppConfig config;
        try {
            config = root().tune(AppConfig.defaults(directories(), profileName()));
        } catch (InvalidProfileNameException e) {
            err().println("parley-cli: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        try {
            validate();
        } catch (ServiceException e) {
            err().println("parley-cli: " + e.getMessage());
            return ExitCode.of(e).code();
        }
        try {
            return openAndRun(config);
        } finally {
            afterClose();
        }
    }

    /** Called once the profile is locked and closed again (or could not be opened), whatever the outcome. */
    void afterClose() {
    }

    private int openAndRun(AppConfig config) {
        try (ParleyApp app = ParleyApp.open(config)) {
            char[] secret = new PassphraseOptions(root().passphraseFile, root().passphraseEnv, root().environment()).read();
            try {
                if (createsProfile()) {
                    create(app, secret);
                } else {
                    app.account().unlock(secret, MigrationProgressLine.onTerminal(err()));
                }
            } finally {
                Arrays.fill(secret, '\0');
            }
            return described(app).code();
        } catch (ServiceException e) {
            ExitCode code = ExitCode.of(e);
            LOG.debug("command failed with {}", e.getClass().getSimpleName(), e);
            err().println("parley-cli: " + e.getMessage());
            return code.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err().println("parley-cli: interrupted");
            return ExitCode.OTHER.code();
        }
    }

    /** Runs the command; a failed connection is reported with the relay's address and the reason in plain words. */
    private ExitCode described(ParleyApp app) throws ServiceException, InterruptedException {
        try {
            return run(app);
        } catch (RelayUnreachableException e) {
            if (e.getCause() instanceof IOException) {
                throw new RelayUnreachableException(RelayFailures.describe(app.account().status().relay(), e.getCause()), e.getCause());
            }
            throw e;
        }
    }

    ProfileName profileName() {
        if (root().profile != null) {
            return new ProfileName(root().profile);
        }
        String fromEnv = root().environment().get("PARLEY_PROFILE");
        return new ProfileName(fromEnv != null && !fromEnv.isBlank() ? fromEnv : "default");
    }

    AppDirectories directories() {
        if (root().dataDir != null) {
            return new AppDirectories(root().dataDir.toAbsolutePath());
        }
        String fromEnv = root().environment().get("PARLEY_DATA_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new AppDirectories(Path.of(fromEnv).toAbsolutePath());
        }
        return AppDirectories.fromEnvironment();
    }

    /** The top command, holding the global options (given before or after the command name). */
    ParleyCli root() {
        return (ParleyCli) spec.root().userObject();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
