package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
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

    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        MessageId id;
        try {
            id = new MessageId(messageId);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("not a message id");
        }
        app.messaging().react(id, emoji, remove);
        app.connection().start();
        if (!app.connection().awaitDrained(Duration.ofSeconds(timeoutSeconds))) {
            err().println("parley-cli: relay unreachable; the reaction is queued and will be sent by the next command that connects");
            return ExitCode.RELAY_UNREACHABLE;
        }
        out().println((remove ? "unreacted\t" : "reacted\t") + id.value());
        return ExitCode.OK;
    }
}
