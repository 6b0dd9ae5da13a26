package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.SafetyNumberView;
import dev.parley.desktop.service.ServiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "fingerprint", description = {"Print the safety number to compare with a contact, then its QR payload.",
    "When the contact wrote with a new identity key, a third line new-key<TAB>NUMBER is that key's safety number."})
final class FingerprintCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "CONTACT")
    String contact;

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        SafetyNumberView view = app.contacts().safetyNumber(contact);
        out().println(view.digits());
        out().println(view.qrPayload());
        java.util.Optional<SafetyNumberView> pending = app.contacts().pendingSafetyNumber(contact);
        if (pending.isPresent()) {
            // The contact wrote with a new key: its messages are held until trust accepts this number.
            out().println("new-key\t" + pending.get().digits());
        }
        return ExitCode.OK;
    }
}
