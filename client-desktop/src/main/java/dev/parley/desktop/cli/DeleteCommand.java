package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.MessageId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = {"Delete a message (its id as history prints it) from this profile; with "
        + "--for-everyone, one of your own messages for everyone too (within 24 hours of sending: it becomes "
        + "\"This message was deleted\" on both sides).",
    "--for-everyone waits until the relay has stored the deletion; if the relay is unreachable it stays queued (exit 4)."})
final class DeleteCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "MESSAGE-ID")
    String messageId;

    @Option(names = "--for-everyone", description = "Delete your own message for the other side too.")
    boolean forEveryone;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "How long to wait for the relay (default 30).")
    int timeoutSeconds;

    private MessageId id;

    @Override
    void validate() throws ServiceException {
        id = MessageIds.parse(messageId);
        if (timeoutSeconds < 1) {
            throw new InvalidInputException("--timeout must be at least 1 second");
        }
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        if (!forEveryone) {
            app.actions().deleteForMe(id);
            out().println("deleted\t" + id.value());
            return ExitCode.OK;
        }
        app.actions().deleteForEveryone(id);
        ExitCode code = RelayConfirmation.await(app, err(), timeoutSeconds, "deletion");
        if (code == ExitCode.OK) {
            out().println("deleted-for-everyone\t" + id.value());
        }
        return code;
    }
}
