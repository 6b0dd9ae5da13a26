package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.Contact;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add-contact", description = {"Fetch a user's prekey bundle from the relay and start a session.",
    "Given a contact link (parley://add/USER?relay=...&fp=..., see contact-link), the link must be for this relay and its",
    "fingerprint must match the key the relay serves (else nothing is added, exit 5); the contact is marked VERIFIED."})
final class AddContactCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "USERNAME|LINK")
    String username;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "How long to wait for the relay (default 30).")
    int timeoutSeconds;

    @Override
    void validate() throws ServiceException {
        if (timeoutSeconds < 1) {
            throw new InvalidInputException("--timeout must be at least 1 second");
        }
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        new RelayWait(app, err(), Duration.ofSeconds(timeoutSeconds)).online();
        Contact contact = dev.parley.desktop.service.contact.ContactLink.isLink(username)
                ? app.contacts().addFromLink(username) : app.contacts().add(username);
        out().println(contact.username() + "\t" + Output.trust(contact));
        return ExitCode.OK;
    }
}
