package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.MessageId;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "save", description = {"Save the file of a message (its id as history and listen print it) to PATH: a "
        + "new file, or a folder to keep the file's own (sanitised) name.",
    "Downloads it first if needed, checks it against what the sender sent, and writes nothing unless it all decrypts."})
final class SaveCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "MESSAGE-ID")
    String messageId;

    @Parameters(index = "1", paramLabel = "PATH")
    Path target;

    private MessageId id;

    @Override
    void validate() throws ServiceException {
        try {
            id = new MessageId(messageId);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("not a message id");
        }
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        Path saved;
        try {
            if (app.attachments().attachment(id).isEmpty()) {
                throw new InvalidInputException("this message has no file");
            }
            new RelayWait(app, err(), Duration.ofSeconds(30)).online();
            saved = app.attachments().save(id, target, TransferBar.onTerminal(err(), "receiving"));
        } catch (RelayUnreachableException e) {
            err().println("parley-cli: " + e.getMessage());
            return ExitCode.of(e);
        }
        out().println("saved\t" + Output.escape(saved.toString()));
        return ExitCode.OK;
    }
}
