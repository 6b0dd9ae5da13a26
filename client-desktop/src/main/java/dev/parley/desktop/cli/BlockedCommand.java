package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import picocli.CommandLine.Command;

@Command(name = "blocked", description = "List the blocked users, one username per line.")
final class BlockedCommand extends ProfileCommand {
    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        for (String username : app.contacts().blocked()) {
            out().println(username);
        }
        return ExitCode.OK;
    }
}
