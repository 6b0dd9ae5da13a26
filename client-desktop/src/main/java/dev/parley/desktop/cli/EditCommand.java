package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "edit", description = {"Replace the text of one of your messages (its id as history prints it): the "
        + "TEXT words, or standard input when there are none. Within 24 hours of sending, at most 10 times.",
    "Waits until the relay has stored the edit; if the relay is unreachable it stays queued (exit 4)."})
final class EditCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "MESSAGE-ID")
    String messageId;

    @Parameters(index = "1..*", paramLabel = "TEXT", arity = "0..*")
    List<String> words;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "How long to wait for the relay (default 30).")
    int timeoutSeconds;

    private MessageId id;
    private String text;

    @Override
    void validate() throws ServiceException {
        id = MessageIds.parse(messageId);
        text = TextInput.of(words);
        if (text.isBlank()) {
            throw new InvalidInputException("empty message: give the text as arguments or on standard input");
        }
        if (timeoutSeconds < 1) {
            throw new InvalidInputException("--timeout must be at least 1 second");
        }
    }

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
