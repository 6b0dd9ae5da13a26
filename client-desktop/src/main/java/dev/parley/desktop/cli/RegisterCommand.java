package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "register", description = "Register the profile's username with its relay and upload prekeys.")
final class RegisterCommand extends ProfileCommand {
    @Option(names = "--invite", paramLabel = "CODE", description = "Invite code, if the relay asks for one.")
    String invite;

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        app.account().register(Optional.ofNullable(invite));
        out().println("registered\t" + app.account().status().username());
        return ExitCode.OK;
    }
}
