package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ProfileService;
import dev.parley.desktop.service.ServiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "nickname", description = {
    "Give a contact a local nickname that overrides their profile name (only you see it); no NAME clears it.",
    "Prints the contact as 'profile show' does."})
final class ProfileNicknameCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "USER")
    String username;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME")
    String nickname;

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        ProfileService.ContactProfile contact = app.profiles().setNickname(username, nickname);
        out().println(ProfileShowCommand.line(contact.username(), contact.shown(), contact.profile()));
        return ExitCode.OK;
    }
}
