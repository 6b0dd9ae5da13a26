package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import picocli.CommandLine.Command;

@Command(name = "contact-link", description = {
    "Print your contact link: parley://add/USERNAME?relay=...&fp=... (the relay address, its TLS pin for wss, and your",
    "half of every safety number). Someone on the same relay adds you with: add-contact LINK."})
final class ContactLinkCommand extends ProfileCommand {
    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        out().println(app.contacts().contactLink());
        return ExitCode.OK;
    }
}
