package dev.parley.desktop.cli;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.device.DeviceService;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;

@Command(name = "devices", description = {"List this account's devices (issue #17):",
    "id, name, linked (UTC), last active (UTC), and 'this' for this device."})
final class DevicesCommand extends ProfileCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Override
    ExitCode run(ParleyApp app) throws ServiceException {
        for (DeviceService.Device device : app.devices().list()) {
            out().println(device.id() + "\t" + device.name().replaceAll("\\p{Cntrl}", "?") + "\t"
                    + time(device.linkedAt()) + "\t" + time(device.lastActiveAt()) + (device.thisDevice() ? "\tthis" : ""));
        }
        return ExitCode.OK;
    }

    private static String time(Instant at) {
        return at.toEpochMilli() == 0 ? "-" : TIME.format(at);
    }
}
