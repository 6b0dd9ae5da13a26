package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lookup", description = {
    "Ask the relay whether a username is registered (the exact name; the relay never lists or completes names, and",
    "limits lookups per account). Prints 'exists', or 'not found' with exit code 3."})
final class LookupCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "USER")
    String username;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "How long to wait for the relay (default 30).")
    int timeoutSeconds;

    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        new RelayWait(app, err(), Duration.ofSeconds(Math.max(1, timeoutSeconds))).online();
        if (app.contacts().lookup(username)) {
            out().println("exists");
            return ExitCode.OK;
        }
        out().println("not found");
        return ExitCode.UNKNOWN_CONTACT;
    }
}
