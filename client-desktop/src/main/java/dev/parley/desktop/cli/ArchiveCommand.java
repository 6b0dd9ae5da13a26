package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.ConversationMarks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "archive", description = {
    "Archive the conversation with a contact: the desktop app lists it under 'Archived', apart from the others. Its",
    "history stays. Local only; the contact is not told. Prints 'archived  CONTACT' (or 'unarchived  CONTACT' with",
    "--off)."})
final class ArchiveCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "CONTACT")
    String contact;

    @Option(names = "--off", description = "unarchive instead")
    boolean off;

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        ConversationMarks now = app.conversationMarks().archive(contact, !off);
        out().println((now.archived() ? "archived" : "unarchived") + "\t" + contact);
        return ExitCode.OK;
    }
}
