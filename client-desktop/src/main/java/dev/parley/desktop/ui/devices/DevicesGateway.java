package dev.parley.desktop.ui.devices;

import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.device.DeviceLinker;
import dev.parley.desktop.service.device.DeviceService;
import java.util.List;

/**
 * What Settings > Devices and "Link a new device" (issue #17) read and change: one service call per method, the same
 * services the CLI's {@code devices}, {@code unlink-device} and {@code link-device} use. Blocking; view models call it
 * through {@code BackgroundTasks} (the linking waits on a thread of their own).
 */
public interface DevicesGateway {

    /** The account's devices in id order. */
    List<DeviceService.Device> list() throws ServiceException;

    /** Renames this device. */
    void rename(String name) throws ServiceException;

    /** Unlinks a device of the account (never its only one). */
    void unlink(int deviceId) throws ServiceException;

    /** Opens a linking channel and returns the session with its code. */
    DeviceLinker.Session startLink() throws ServiceException;

    /** Waits (up to the code's 10 minutes) for the new device; returns the name it gave. */
    String awaitDevice(DeviceLinker.Session session) throws ServiceException;

    /**
     * While the new device's name waits for the user's confirmation: returns true as soon as that device left (it was
     * cancelled or closed), false once the linking was cancelled or confirmed here.
     */
    boolean awaitDeparture(DeviceLinker.Session session) throws ServiceException;

    /** The user confirmed the new device: provisions and registers it; returns its id. */
    int confirm(DeviceLinker.Session session) throws ServiceException;

    /**
     * Sends this profile's history to the new device {@code deviceId} (issue #17), going on with an unfinished
     * transfer to it; {@code progress} hears of each chunk queued.
     */
    dev.parley.desktop.service.device.HistoryTransfer.Status sendHistory(int deviceId,
            dev.parley.desktop.service.device.HistoryTransfer.Progress progress) throws ServiceException;
}
