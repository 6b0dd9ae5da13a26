package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.Message;
import picocli.CommandLine.Command;

@Command(name = "edit", description = {"Replace the text of one of your messages (its id as history prints it): the "
        + "TEXT words, or standard input when there are none. Within 24 hours of sending, at most 10 times.",
    "Waits until the relay has stored the edit; if the relay is unreachable it stays queued (exit 4)."})
final class EditCommand extends MessageTextCommand {
    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        Message edited = app.actions().edit(id, text);
        ExitCode code = RelayConfirmation.await(app, err(), timeoutSeconds, "edit");
        if (code == ExitCode.OK) {
            out().println(String.join("\t", "edited", id.value(), Integer.toString(edited.editCount())));
        }
        return code;
    }
}
