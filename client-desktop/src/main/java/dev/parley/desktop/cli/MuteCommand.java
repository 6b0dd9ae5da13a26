package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.ConversationMarks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mute", description = {
    "Mute the conversation with a contact: its messages still arrive, but the desktop app shows no notification for",
    "them. Local only; the contact is not told. Prints 'muted  CONTACT' (or 'unmuted  CONTACT' with --off)."})
final class MuteCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "CONTACT")
    String contact;

    @Option(names = "--off", description = "unmute instead")
    boolean off;

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        ConversationMarks now = app.conversationMarks().mute(contact, !off);
        out().println((now.muted() ? "muted" : "unmuted") + "\t" + contact);
        return ExitCode.OK;
    }
}
