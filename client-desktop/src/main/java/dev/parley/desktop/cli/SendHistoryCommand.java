package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "send-history", description = {"Send this profile's history to another device of the account (issue #17).",
    "Goes on with an unfinished transfer to that device (after a cancel, a lost connection or a killed process),",
    "else sends everything again (the device keeps only what it lacks). Prints 'history SENT TOTAL'."})
final class SendHistoryCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "DEVICE", description = "The device id ('devices' lists them).")
    int deviceId;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for the relay to take it all (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    void validate() throws ServiceException {
        if (deviceId < 1 || timeoutSeconds < 1) {
            throw new InvalidInputException("DEVICE and --timeout must be at least 1");
        }
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        return HistorySending.send(app, deviceId, out(), err(), Duration.ofSeconds(timeoutSeconds));
    }
}
