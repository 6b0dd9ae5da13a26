package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ProfileService;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.UserProfile;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = {
    "Show your profile, or a contact's: username<TAB>shown name<TAB>profile name<TAB>about<TAB>avatar bytes.",
    "The shown name is your nickname for them if set, else their name (with @username next to a name that mixes",
    "scripts, as look-alikes do), else the username."})
final class ProfileShowCommand extends ProfileCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "USER")
    String username;

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        if (username == null) {
            Optional<UserProfile> own = app.profiles().own();
            String self = app.account().status().username();
            out().println(line(self, own.map(UserProfile::displayName).filter(n -> !n.isEmpty()).orElse(self), own));
            return ExitCode.OK;
        }
        ProfileService.ContactProfile contact = app.profiles().of(username);
        out().println(line(contact.username(), contact.shown(), contact.profile()));
        return ExitCode.OK;
    }

    static String line(String username, String shown, Optional<UserProfile> profile) {
        return String.join("\t", username, Output.escape(shown),
                Output.escape(profile.map(UserProfile::displayName).orElse("")),
                Output.escape(profile.map(UserProfile::about).orElse("")),
                String.valueOf(profile.map(p -> p.avatar().length).orElse(0)));
    }
}
