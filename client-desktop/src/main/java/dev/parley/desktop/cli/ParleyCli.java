package dev.parley.desktop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import dev.parley.desktop.app.AppConfig;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The headless Parley client: the same services as the desktop app, for scripts and servers. Output is one record
 * per line, fields separated by tabs; errors go to stderr with a stable exit code ({@link ExitCode}).
 */
@Command(name = "parley-cli", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        version = "parley-cli " + dev.parley.crypto.ParleyVersion.NUMBER,
        description = "Parley end-to-end encrypted messenger, headless.",
        footer = ExitCode.HELP,
        subcommands = {InitCommand.class, RegisterCommand.class, AddContactCommand.class, ContactsCommand.class,
            FingerprintCommand.class, TrustCommand.class, RequestsCommand.class, SendCommand.class, ListenCommand.class,
            HistoryCommand.class, SearchCommand.class, RelayCommand.class, ReactCommand.class,
            EditCommand.class,
            DeleteCommand.class,
            ReplyCommand.class,
            DisappearCommand.class,
            InfoCommand.class,
            MuteCommand.class, ArchiveCommand.class,
            SendFileCommand.class, SaveCommand.class,
            AcceptCommand.class, BlockCommand.class, UnblockCommand.class, BlockedCommand.class, RemoveContactCommand.class,
            ProfileCliCommand.class, LookupCommand.class, ContactLinkCommand.class,
            GroupCommand.class,
            BackupCommand.class,
            PresenceCommand.class,
            LinkDeviceCommand.class, DevicesCommand.class, UnlinkDeviceCommand.class,
            SendHistoryCommand.class})
public final class ParleyCli implements Runnable {


    @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Profile name (default: $PARLEY_PROFILE, else 'default').")
    String profile;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory holding the profiles (default: $PARLEY_DATA_DIR, else $XDG_DATA_HOME/parley).")
    Path dataDir;

    @Option(names = "--passphrase-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Read the passphrase from the first line of FILE.")
    Path passphraseFile;

    @Option(names = "--passphrase-env", paramLabel = "VAR", scope = ScopeType.INHERIT,
            description = "Read the passphrase from environment variable VAR (default: " + PassphraseOptions.DEFAULT_ENV + ").")
    String passphraseEnv;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;
    private final UnaryOperator<AppConfig> tuning;

    public ParleyCli(Map<String, String> environment) {
        this(environment, UnaryOperator.identity());
    }

    ParleyCli(Map<String, String> environment, UnaryOperator<AppConfig> tuning) {
        this.environment = Map.copyOf(environment);
        this.tuning = tuning;
    }

    /** Adjusts the production configuration (tests lower the Argon2 cost); identity for the real CLI. */
    AppConfig tune(AppConfig config) {
        return tuning.apply(config);
    }

    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** A ready command line: output to the given writers, usage errors mapped to exit code 1. */
    public static CommandLine commandLine(Map<String, String> environment, PrintWriter out, PrintWriter err) {
        return commandLine(environment, out, err, UnaryOperator.identity());
    }

    static CommandLine commandLine(Map<String, String> environment, PrintWriter out, PrintWriter err,
                                   UnaryOperator<AppConfig> tuning) {
        CommandLine commandLine = new CommandLine(new ParleyCli(environment, tuning));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(new UsageErrors());
        commandLine.setExecutionExceptionHandler(new UsageErrors());
        configure(commandLine);
        return commandLine;
    }

    private static void configure(CommandLine commandLine) {
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE.code());
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitCode.OTHER.code());
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            configure(sub);
        }
    }

    public static void main(String[] args) {
        CliLogging.select();
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(System.getenv(), out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
