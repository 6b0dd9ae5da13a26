package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "unblock", description = {
    "Unblock a user: their later messages are received again (those sent while blocked are gone).",
    "Prints 'unblocked' or 'not blocked'."})
final class UnblockCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "USER")
    String username;

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        out().println(app.contacts().unblock(username) ? "unblocked" : "not blocked");
        return ExitCode.OK;
    }
}
