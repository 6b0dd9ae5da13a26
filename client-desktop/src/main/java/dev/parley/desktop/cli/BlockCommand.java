package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "block", description = {
    "Block a user (a contact or anyone): their messages are acknowledged to the relay and dropped unread, nothing is",
    "sent to them, and they are not told. A message request from them is deleted with its messages.",
    "Prints 'blocked' or 'already blocked'."})
final class BlockCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "USER")
    String username;

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        out().println(app.contacts().block(username) ? "blocked" : "already blocked");
        return ExitCode.OK;
    }
}
