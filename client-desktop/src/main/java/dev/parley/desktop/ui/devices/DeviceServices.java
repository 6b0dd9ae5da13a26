package dev.parley.desktop.ui.devices;

import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.device.DeviceLinker;
import dev.parley.desktop.service.device.DeviceService;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The {@link DevicesGateway} over the profile's {@link DeviceService}. */
public final class DeviceServices implements DevicesGateway {
    /** The linking code's lifetime: longer waits are pointless. */
    private static final Duration WAIT_FOR_DEVICE = Duration.ofMinutes(10);
    /** How long the new device may take to make its keys and answer once confirmed. */
    private static final Duration WAIT_FOR_ENROLMENT = Duration.ofMinutes(2);

    private final DeviceService devices;
    private final dev.parley.desktop.service.device.HistoryTransfer history;

    public DeviceServices(DeviceService devices, dev.parley.desktop.service.device.HistoryTransfer history) {
        this.devices = Objects.requireNonNull(devices);
        this.history = Objects.requireNonNull(history);
    }

    @Override
    public dev.parley.desktop.service.device.HistoryTransfer.Status sendHistory(int deviceId,
            dev.parley.desktop.service.device.HistoryTransfer.Progress progress) throws ServiceException {
        return history.send(deviceId, progress);
    }

    @Override
    public List<DeviceService.Device> list() throws ServiceException {
        return devices.list();
    }

    @Override
    public void rename(String name) throws ServiceException {
        devices.rename(name);
    }

    @Override
    public void unlink(int deviceId) throws ServiceException {
        devices.unlink(deviceId);
    }

    @Override
    public DeviceLinker.Session startLink() throws ServiceException {
        return devices.linker().start();
    }

    @Override
    public String awaitDevice(DeviceLinker.Session session) throws ServiceException {
        return devices.linker().awaitDevice(session, WAIT_FOR_DEVICE);
    }

    @Override
    public boolean awaitDeparture(DeviceLinker.Session session) throws ServiceException {
        return devices.linker().awaitDeparture(session);
    }

    @Override
    public int confirm(DeviceLinker.Session session) throws ServiceException {
        return devices.linker().confirm(session, WAIT_FOR_ENROLMENT);
    }
}
