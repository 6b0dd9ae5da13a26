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

@Command(name = "reply", description = {"Reply to a message (its id as history and listen print it), quoting it: the "
        + "TEXT words, or standard input when there are none. The reply goes to that message's conversation.",
    "Waits until the relay has stored it; if the relay is unreachable the reply stays queued (exit 4)."})
final class ReplyCommand extends ProfileCommand {
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
        Message reply = app.actions().reply(id, text);
        ExitCode code = RelayConfirmation.await(app, err(), timeoutSeconds, "reply");
        if (code == ExitCode.OK) {
            out().println("sent\t" + reply.messageId().value());
        }
        return code;
    }
}
