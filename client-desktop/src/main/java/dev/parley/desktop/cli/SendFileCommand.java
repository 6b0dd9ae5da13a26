package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.AttachmentService;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.Message;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "send-file", description = {"Send a file: encrypted with a fresh key, uploaded to the relay in chunks "
        + "(resumed after a lost connection), then announced to CONTACT, or to every member of a group (by id or "
        + "unique title; uploaded once for all). Images lose their metadata (GPS, camera) first.",
    "Prints progress on standard error when it is a terminal, then the message id."})
final class SendFileCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "CONTACT")
    String contact;

    @Parameters(index = "1", paramLabel = "PATH")
    Path file;

    @Option(names = "--caption", paramLabel = "TEXT", description = "Text shown with the file.")
    String caption;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "How long to wait for the relay (default 30).")
    int timeoutSeconds;

    @Override
    void validate() throws ServiceException {
        if (timeoutSeconds < 1) {
            throw new InvalidInputException("--timeout must be at least 1 second");
        }
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        RelayWait relay = new RelayWait(app, err(), Duration.ofSeconds(timeoutSeconds));
        Message message;
        try {
            relay.online();
            java.util.Optional<dev.parley.desktop.storage.StoredGroup> group = GroupTargets.group(app, contact);
            String target = group.isPresent()
                    ? dev.parley.desktop.storage.ConversationId.group(group.get().state().id()).value() : contact;
            message = app.attachments().sendFile(target, file, caption, TransferBar.onTerminal(err(), "sending"));
            if (!relay.drained()) {
                throw new RelayUnreachableException("the relay did not confirm the message within " + timeoutSeconds + " s");
            }
        } catch (RelayUnreachableException e) {
            err().println("parley-cli: " + e.getMessage());
            return ExitCode.of(e);
        }
        out().println("sent\t" + message.messageId().value());
        return ExitCode.OK;
    }
}
