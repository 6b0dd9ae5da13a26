package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.storage.DisappearingTimer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "disappear", description = {"Set the disappearing-messages timer of the conversation with a contact: "
        + "30s, 5m, 1h, 8h, 1d, 1w, 4w, or off. Messages sent afterwards are removed on both sides that long after "
        + "they were sent (here) or received (there).",
    "Waits until the relay has stored the change; if the relay is unreachable it stays queued (exit 4)."})
final class DisappearCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "CONTACT")
    String contact;

    @Parameters(index = "1", paramLabel = "DURATION", description = "30s, 5m, 1h, 8h, 1d, 1w, 4w or off")
    String duration;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "How long to wait for the relay (default 30).")
    int timeoutSeconds;

    private DisappearingTimer timer;

    @Override
    void validate() throws ServiceException {
        timer = DisappearingTimer.parse(duration)
                .orElseThrow(() -> new InvalidInputException("DURATION must be one of 30s, 5m, 1h, 8h, 1d, 1w, 4w, off"));
        if (timeoutSeconds < 1) {
            throw new InvalidInputException("--timeout must be at least 1 second");
        }
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        app.actions().setDisappearing(contact, timer);
        ExitCode code = RelayConfirmation.await(app, err(), timeoutSeconds, "timer change");
        if (code == ExitCode.OK) {
            out().println(String.join("\t", "disappearing", contact, timer.shortName()));
        }
        return code;
    }
}
