package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.Message;
import picocli.CommandLine.Command;

@Command(name = "reply", description = {"Reply to a message (its id as history and listen print it), quoting it: the "
        + "TEXT words, or standard input when there are none. The reply goes to that message's conversation.",
    "Waits until the relay has stored it; if the relay is unreachable the reply stays queued (exit 4)."})
final class ReplyCommand extends MessageTextCommand {
    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        Message reply = app.actions().reply(id, text);
        ExitCode code = RelayConfirmation.await(app, err(), timeoutSeconds, "reply");
        if (code == ExitCode.OK) {
            out().println("sent\t" + reply.messageId().value());
        }
        return code;
    }
}
