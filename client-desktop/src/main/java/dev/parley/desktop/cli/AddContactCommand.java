package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.service.ServiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "add-contact", description = "Fetch a user's prekey bundle from the relay and start a session.")
final class AddContactCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        Contact contact = app.contacts().add(username);
        out().println(contact.username() + "\t" + Output.trust(contact));
        return ExitCode.OK;
    }
}
