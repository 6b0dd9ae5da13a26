package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.service.ServiceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "send", description = {"Send a message (the TEXT words, or standard input when none).",
    "Waits until the relay has stored it; if the relay is unreachable the message stays queued (exit 4)."})
final class SendCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "CONTACT")
    String contact;

    @Parameters(index = "1..*", paramLabel = "TEXT", arity = "0..*")
    List<String> words;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "How long to wait for the relay (default 30).")
    int timeoutSeconds;

    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        String text = words == null || words.isEmpty() ? readStdin() : String.join(" ", words);
        Message message = app.messaging().send(contact, text);
        app.connection().start();
        boolean flushed = app.connection().awaitDrained(Duration.ofSeconds(timeoutSeconds));
        if (!flushed) {
            err().println("parley-cli: relay unreachable; the message is queued and will be sent by the next command that connects");
            return ExitCode.RELAY_UNREACHABLE;
        }
        out().println("sent\t" + message.messageId().value());
        return ExitCode.OK;
    }

    private static String readStdin() throws ServiceException {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return reader.lines().collect(Collectors.joining("\n")).strip();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() instanceof IOException ? e.getCause() : e;
            throw new dev.parley.desktop.service.StorageFailureException("cannot read standard input", cause);
        }
    }
}
