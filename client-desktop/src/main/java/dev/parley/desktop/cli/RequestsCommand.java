package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityChangeState;
import picocli.CommandLine.Command;

@Command(name = "requests", description = {
    "List message requests and held identity changes: username<TAB>REQUEST (wrote first; accept, reply, add or",
    "trust to accept them; block or remove-contact --delete-history to refuse)",
    "or username<TAB>IDENTITY_CHANGED (wrote with a new key; messages held until: trust CONTACT --fingerprint ...)."})
final class RequestsCommand extends ProfileCommand {
    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        for (Contact contact : app.contacts().list()) {
            if (contact.identityChange() != IdentityChangeState.NONE) {
                out().println(contact.username() + "\t" + Output.trust(contact));
            }
        }
        return ExitCode.OK;
    }
}
