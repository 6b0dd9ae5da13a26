package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.service.ServiceException;
import picocli.CommandLine.Command;

@Command(name = "contacts", description = "List contacts: username<TAB>trust state.")
final class ContactsCommand extends ProfileCommand {
    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        for (Contact contact : app.contacts().list()) {
            out().println(contact.username() + "\t" + Output.trust(contact));
        }
        return ExitCode.OK;
    }
}
