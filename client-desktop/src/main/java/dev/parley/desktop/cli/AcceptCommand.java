package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.Contact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "accept", description = {
    "Accept a message request (see requests): the requester becomes a contact. Until then nothing is sent back to",
    "them: no delivery or read receipts, no typing, no presence, no profile. Prints username<TAB>trust."})
final class AcceptCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "USER")
    String username;

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        Contact contact = app.contacts().accept(username);
        out().println(contact.username() + "\t" + Output.trust(contact));
        return ExitCode.OK;
    }
}
