package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "unlink-device", description = {"Unlink device DEVICE (its id in 'devices') from this account.",
    "The relay revokes it; at its next connection it is refused and wipes its account data.",
    "An account's only device cannot be unlinked."})
final class UnlinkDeviceCommand extends ProfileCommand {
    @Parameters(index = "0", paramLabel = "DEVICE", description = "The device id, as 'devices' lists it.")
    int deviceId;

    @Override
    void validate() throws ServiceException {
        if (deviceId < 1) {
            throw new InvalidInputException("DEVICE is a device id from 'devices' (1 or more)");
        }
    }

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        app.devices().unlink(deviceId);
        out().println("unlinked\t" + deviceId);
        return ExitCode.OK;
    }
}
