package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.device.DeviceLinker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "link-device", description = {"Link a new device to this account (issue #17).",
    "Prints a short code and a parley://link/ link; on the new device run",
    "'--profile NEW init --link CODE --relay URL'. Waits for it, shows its name and asks to confirm (unless --yes)."})
final class LinkDeviceCommand extends ProfileCommand {
    @Option(names = "--yes", description = "Link the device that joins without asking.")
    boolean yes;

    @Option(names = "--with-history", description = {"After linking, send this profile's history to the new device",
        "(end to end encrypted, resumable with 'send-history DEVICE')."})
    boolean withHistory;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long to wait for the new device (default: ${DEFAULT-VALUE}, the code's lifetime).")
    int timeoutSeconds;

    @Override
    void validate() throws ServiceException {
        if (timeoutSeconds < 1) {
            throw new dev.parley.desktop.service.InvalidInputException("--timeout must be at least 1 second");
        }
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException, InterruptedException {
        DeviceLinker linker = app.devices().linker();
        DeviceLinker.Session session = linker.start();
        out().println("code\t" + session.code().shortCode());
        out().println("link\t" + session.code().uri());
        out().println("waiting for the new device (the code is good for 10 minutes)");
        out().flush();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        String name = linker.awaitDevice(session, timeout);
        if (!yes && !confirmed(name)) {
            out().println("not linked");
            return ExitCode.OTHER;
        }
        int deviceId = linker.confirm(session, timeout);
        out().println("linked\t" + deviceId + "\t" + name);
        out().flush();
        if (withHistory) {
            return HistorySending.send(app, deviceId, out(), err(), Duration.ofSeconds(Math.max(timeoutSeconds, 300)));
        }
        return ExitCode.OK;
    }

    private boolean confirmed(String name) {
        out().print("link the device named \"" + name.replaceAll("\\p{Cntrl}", "?") + "\" to this account? [y/N] ");
        out().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
        } catch (IOException e) {
            return false;
        }
    }
}
