package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "remove-contact", description = {
    "Remove a contact or message request (messages held for them are deleted). The conversation stays unless",
    "--delete-history is given. Prints 'removed<TAB>N messages deleted'."})
final class RemoveContactCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "USER")
    String username;

    @Option(names = "--delete-history",
            description = "Also delete the whole conversation: every message, its search words and reactions.")
    boolean deleteHistory;

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        int deleted = app.contacts().remove(username, deleteHistory);
        if (deleteHistory) {
            app.removeDeletedConversations();     // its rows now, not at the next unlock
        }
        out().println("removed\t" + deleted + " messages deleted");
        return ExitCode.OK;
    }
}
