package dev.parley.desktop.cli;

import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.MessageId;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A command about one message that comes with a new text ({@code edit}, {@code reply}): the message's id as history
 * prints it, then the text's words or, when there are none, standard input, and how long to wait for the relay.
 */
abstract class MessageTextCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "MESSAGE-ID")
    String messageId;

    @Parameters(index = "1..*", paramLabel = "TEXT", arity = "0..*")
    List<String> words;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "How long to wait for the relay (default 30).")
    int timeoutSeconds;

    /** The message, after {@link #validate}. */
    MessageId id;
    /** The text, after {@link #validate}: never blank. */
    String text;

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
}
