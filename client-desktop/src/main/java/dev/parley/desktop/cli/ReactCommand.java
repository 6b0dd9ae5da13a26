package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.MessageId;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "react", description = {"React to a message (its id as history and listen print it) with one emoji, "
        + "replacing your earlier reaction; --remove takes your reaction away.",
    "Waits until the relay has stored it; if the relay is unreachable it stays queued (exit 4)."})
final class ReactCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "MESSAGE-ID")
    String messageId;

    @Parameters(index = "1", paramLabel = "EMOJI")
    String emoji;

    @Option(names = "--remove", description = "Remove your reaction instead of setting it.")
    boolean remove;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "How long to wait for the relay (default 30).")
    int timeoutSeconds;

    private MessageId id;

    @Override
    void validate() throws ServiceException {
        try {
            id = new MessageId(messageId);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("not a message id");
        }
        if (timeoutSeconds < 1) {
            throw new InvalidInputException("--timeout must be at least 1 second");
        }
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        app.messaging().react(id, emoji, remove);
        RelayWait relay = new RelayWait(app, err(), Duration.ofSeconds(timeoutSeconds));
        try {
            relay.online();
            if (!relay.drained()) {
                throw new RelayUnreachableException("the relay did not confirm the reaction within " + timeoutSeconds + " s");
            }
        } catch (RelayUnreachableException e) {
            err().println("parley-cli: " + e.getMessage());
            err().println("parley-cli: the reaction is queued; the next command that reaches the relay sends it");
            return ExitCode.of(e);
        }
        out().println((remove ? "unreacted\t" : "reacted\t") + id.value());
        return ExitCode.OK;
    }
}
