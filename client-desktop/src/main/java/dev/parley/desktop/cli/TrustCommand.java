package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.SafetyNumberView;
import dev.parley.desktop.service.ServiceException;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "trust", description = {
    "Trust a contact's identity key after comparing safety numbers (see fingerprint): marks it verified.",
    "If the contact wrote with a new key (IDENTITY_CHANGED), the safety number of that new key accepts it: its held",
    "messages are decrypted into the history and sending is allowed again. Any other number changes nothing (exit 5)."})
final class TrustCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "CONTACT")
    String contact;

    @Option(names = "--fingerprint", required = true, paramLabel = "SAFETY-NUMBER",
            description = "The 60-digit safety number you compared with the contact (spaces allowed).")
    String fingerprint;

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        Optional<SafetyNumberView> pending = app.contacts().pendingSafetyNumber(contact);
        if (pending.isPresent() && pending.get().matches(fingerprint)) {
            app.contacts().acknowledgeIdentityChange(contact, pending.get().identityKey());
            app.contacts().markVerified(contact, pending.get().identityKey());
            out().println("trusted\t" + contact + "\tnew key accepted and verified");
            return ExitCode.OK;
        }
        SafetyNumberView current = app.contacts().safetyNumber(contact);
        if (pending.isEmpty() && current.matches(fingerprint)) {
            app.contacts().acknowledgeIdentityChange(contact, current.identityKey());
            app.contacts().markVerified(contact, current.identityKey());
            out().println("trusted\t" + contact + "\tverified");
            return ExitCode.OK;
        }
        err().println("parley-cli: that is not the safety number of " + (pending.isPresent() ? "the new key" : "this contact")
                + "; nothing changed (run: fingerprint " + contact + ")");
        return ExitCode.OTHER;
    }
}
