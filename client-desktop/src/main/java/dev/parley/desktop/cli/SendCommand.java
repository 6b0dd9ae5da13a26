package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.NewMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "send", description = {"Send a message: the TEXT words, or standard input when there are none.",
    "Prefer standard input for sensitive text: arguments are visible to other local users in 'ps'.",
    "Waits until the relay has stored it; if the relay is unreachable the message stays queued (exit 4)."})
final class SendCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "CONTACT", description = "A contact, or a group (its id or unique title).")
    String contact;

    @Parameters(index = "1..*", paramLabel = "TEXT", arity = "0..*")
    List<String> words;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "How long to wait for the relay (default 30).")
    int timeoutSeconds;

    private String text;

    @Override
    void validate() throws ServiceException {
        text = words == null || words.isEmpty() ? readStdin() : String.join(" ", words);
        if (text.isBlank()) {
            throw new InvalidInputException("empty message: give the text as arguments or on standard input");
        }
        if (text.length() > NewMessage.MAX_BODY_CHARS) {
            throw new InvalidInputException("message longer than " + NewMessage.MAX_BODY_CHARS + " characters");
        }
        if (timeoutSeconds < 1) {
            throw new InvalidInputException("--timeout must be at least 1 second");
        }
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        java.util.Optional<dev.parley.desktop.storage.StoredGroup> group = GroupTargets.group(app, contact);
        Message message = group.isPresent() ? app.groups().send(group.get().state().id().hex(), text)
                : app.messaging().send(contact, text);
        RelayWait relay = new RelayWait(app, err(), Duration.ofSeconds(timeoutSeconds));
        try {
            relay.online();
            if (!relay.drained()) {
                throw new RelayUnreachableException("the relay did not confirm the message within " + timeoutSeconds + " s");
            }
        } catch (RelayUnreachableException e) {
            err().println("parley-cli: " + e.getMessage());
            err().println("parley-cli: the message is queued; the next command that reaches the relay sends it");
            return ExitCode.of(e);
        }
        out().println("sent\t" + message.messageId().value());
        return ExitCode.OK;
    }

    private static String readStdin() throws ServiceException {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return reader.lines().collect(Collectors.joining("\n")).strip();
        } catch (UncheckedIOException e) {
            throw new StorageFailureException("cannot read standard input", e.getCause());
        }
    }
}
