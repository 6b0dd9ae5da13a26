package dev.parley.desktop.service.device;

import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.crypto.DeviceAddress;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.RelayGateway;
import dev.parley.desktop.storage.StorageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Issue #17: this account's devices: linking a new one ({@link #linker()}), the list (name, linked, last active) and
 * unlinking. The relay refuses to unlink an account's only device; an unlinked device is refused at its next login
 * and wipes its account data ({@link DeviceWipe}).
 */
public final class DeviceService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeviceService.class);
    private final ProfileCrypto crypto;
    private final Supplier<RelayGateway> gateway;
    private final Supplier<String> ownUsername;
    private final DeviceLinker linker;
    private final DeviceNames names;
    private final Unlinked unlinked;

    /** @param ownDevices tells this account's other devices of changes (issue #17: the account's state, at link time) */
    public DeviceService(ProfileCrypto crypto, Supplier<RelayGateway> gateway, Supplier<String> ownUsername,
                         dev.parley.desktop.service.OwnDeviceSync ownDevices) {
        this(crypto, gateway, ownUsername, ownDevices, deviceId -> { });
    }

    /** Told of a device this device unlinked, after the relay took it (issue #17: the groups' fellow members re-key). */
    @FunctionalInterface
    public interface Unlinked {
        void unlinked(int deviceId) throws ServiceException;
    }

    /** @param unlinked told of each device this device unlinked */
    public DeviceService(ProfileCrypto crypto, Supplier<RelayGateway> gateway, Supplier<String> ownUsername,
                         dev.parley.desktop.service.OwnDeviceSync ownDevices, Unlinked unlinked) {
        this.unlinked = unlinked;
        this.crypto = crypto;
        this.gateway = gateway;
        this.ownUsername = ownUsername;
        this.linker = new DeviceLinker(crypto, gateway, ownUsername, ownDevices);
        this.names = new DeviceNames(crypto.context().crypto());
    }

    /** One device of this account, as the relay lists it. */
    public record Device(int id, String name, Instant linkedAt, Instant lastActiveAt, boolean thisDevice) {
    }

    public DeviceLinker linker() {
        return linker;
    }

    /** This profile's device id. */
    public int ownDeviceId() throws StorageFailureException {
        return read(work -> work.devices().ownDeviceId());
    }

    /** The account's devices in id order (the relay's list; names only this account's devices can read). */
    public List<Device> list() throws ServiceException {
        Response.DeviceListResult result = (Response.DeviceListResult) gateway.get().call(
                new Request.DeviceList(ownUsername.get()));
        int self = ownDeviceId();
        List<Device> devices = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (Response.DeviceInfo info : result.devices()) {
            String name = names.open(crypto.identity(), info.name())
                    .orElse(info.deviceId() == 1 ? "first device" : "device " + info.deviceId());
            devices.add(new Device(info.deviceId(), name, Instant.ofEpochMilli(info.createdAtMillis()),
                    Instant.ofEpochMilli(info.lastSeenAtMillis()), info.deviceId() == self));
            ids.add(info.deviceId());
        }
        remember(ids, List.of());
        return devices;
    }

    /**
     * Unlinks device {@code deviceId} of this account (the relay revokes it, deletes its keys and queue; it wipes its
     * account data at its next login).
     *
     * @throws InvalidInputException for the account's only device, or an id that is not one of its devices
     */
    public void unlink(int deviceId) throws ServiceException {
        Response answer = gateway.get().exchange(new Request.DeviceUnlink(deviceId));
        if (answer instanceof Response.ErrorResponse error) {
            if (error.code() == ErrorCode.LAST_DEVICE) {
                throw new InvalidInputException("this is the account's only device: an account keeps at least one");
            }
            if (error.code() == ErrorCode.UNKNOWN_DEVICE) {
                throw new InvalidInputException("this account has no device " + deviceId);
            }
            throw new dev.parley.desktop.service.RelayRejectedException("the relay refused to unlink the device: "
                    + error.code());
        }
        List<Integer> known = read(work -> work.devices().of(ownUsername.get()));
        List<Integer> left = new ArrayList<>(known);
        left.remove(Integer.valueOf(deviceId));
        remember(left.isEmpty() ? List.of(ownDeviceId()) : left, List.of(deviceId));
        try {
            unlinked.unlinked(deviceId);
        } catch (ServiceException e) {
            // the device is unlinked all the same; the members re-key when the relay corrects their device lists
            LOG.warn("the groups' members are not told of the unlinked device: {}", e.getClass().getSimpleName());
        }
    }

    /** Longest device name, in UTF-8 bytes (the linking reply's limit). */
    public static final int MAX_NAME_BYTES = 64;

    /**
     * Renames this device ({@code device_rename}): the account's devices see the new name; it is sealed like every
     * device name, so the relay cannot read it.
     *
     * @throws InvalidInputException for a blank name, one over {@link #MAX_NAME_BYTES} bytes or with control characters
     */
    public void rename(String name) throws ServiceException {
        String clean = checkedName(name);
        Response answer = gateway.get().exchange(new Request.DeviceRename(names.seal(crypto.identity(), clean)));
        if (answer instanceof Response.ErrorResponse error) {
            throw new dev.parley.desktop.service.RelayRejectedException("the relay refused to rename this device: "
                    + error.code());
        }
    }

    /** {@code name} stripped, if it is a usable device name. @throws InvalidInputException otherwise */
    public static String checkedName(String name) throws InvalidInputException {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES
                || clean.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("a device name is 1 to " + MAX_NAME_BYTES
                    + " bytes of text without control characters");
        }
        return clean;
    }

    /** Starts sessions with this account's other devices that have none yet (after joining: sent transcripts). */
    public void startOwnSessions() throws ServiceException {
        int self = ownDeviceId();
        List<Integer> others = new ArrayList<>();
        for (int device : read(work -> work.devices().of(ownUsername.get()))) {
            if (device != self) {
                others.add(device);
            }
        }
        OwnDeviceSessions.start(crypto, gateway.get(), ownUsername.get(), others);
    }

    private void remember(List<Integer> devices, List<Integer> gone) throws StorageFailureException {
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            TreeSet<Integer> list = new TreeSet<>(devices);
            list.add(work.devices().ownDeviceId());
            work.devices().set(ownUsername.get(), list);
            for (int device : gone) {
                work.deleteSession(new DeviceAddress(ownUsername.get(), device).session());
            }
            crypto.storage().transactions().transaction(false, work::commit);
            work.committed();
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store the device list", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    private <T> T read(java.util.function.Function<ProtocolUnitOfWork, T> reader) throws StorageFailureException {
        crypto.lock().lock();
        try {
            return reader.apply(crypto.state().begin());
        } catch (ProtocolStorageException e) {
            throw new StorageFailureException("cannot read the device records", e);
        } finally {
            crypto.lock().unlock();
        }
    }
}
