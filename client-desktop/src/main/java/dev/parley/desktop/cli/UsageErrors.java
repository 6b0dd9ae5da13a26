package dev.parley.desktop.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * What a user sees when the command line is wrong or a command fails unexpectedly: one line saying what is wrong and
 * where to look, never the whole usage text and never a stack trace or an internal class name.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UsageErrors.class);

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println("parley-cli: " + e.getMessage());
        err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        LOG.debug("command failed unexpectedly", e);
        command.getErr().println("parley-cli: internal error; run again with PARLEY_LOG_LEVEL=debug for details");
        command.getErr().flush();
        return ExitCode.OTHER.code();
    }
}
