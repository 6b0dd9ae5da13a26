package dev.parley.desktop.crypto;

import dev.parley.desktop.storage.SecretNamespace;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Issue #17, linked devices: the device state of a {@link ProtocolUnitOfWork}, read and buffered like its sessions
 * (committed with them): the devices this profile knows each account to have, and this profile's own device (its id
 * within the account and the seed of the credential key it logs in with).
 */
public final class DeviceRecords {
    /** Device lists by account: u32 device ids, ascending. */
    static final SecretNamespace DEVICE_LISTS = new SecretNamespace("device-list");
    /** This profile's device credential key: the 32-byte Ed25519 seed under {@code "self"}. */
    static final SecretNamespace DEVICE_CREDENTIAL = new SecretNamespace("device-credential");
    static final String OWN_DEVICE_ID = "own-device-id";

    private final ProtocolUnitOfWork work;

    DeviceRecords(ProtocolUnitOfWork work) {
        this.work = work;
    }

    /**
     * The devices of {@code account} this profile knows of, in ascending order: device 1 alone until a list was
     * stored. For the own account the list includes this device.
     */
    public List<Integer> of(String account) {
        Optional<byte[]> bytes = work.read(DEVICE_LISTS, account);
        if (bytes.isEmpty()) {
            return List.of(1);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes.get());
        List<Integer> ids = new ArrayList<>();
        while (in.remaining() >= 4) {
            ids.add(in.getInt());
        }
        return List.copyOf(ids);
    }

    /** Replaces the known devices of {@code account}. */
    public void set(String account, Collection<Integer> ids) {
        if (ids.isEmpty() || ids.stream().anyMatch(id -> id < 1)) {
            throw new IllegalArgumentException("a device list holds one or more device ids >= 1");
        }
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(ids));
        ByteBuffer out = ByteBuffer.allocate(4 * sorted.size());
        sorted.forEach(out::putInt);
        work.put(DEVICE_LISTS, account, out.array());
    }

    /** This profile's device id within its account: 1 unless it joined as a linked device. */
    public int ownDeviceId() {
        int id = work.counter(OWN_DEVICE_ID);
        return id == 0 ? 1 : id;
    }

    public void setOwnDeviceId(int deviceId) {
        if (deviceId < 1) {
            throw new IllegalArgumentException("device id: 1 or more expected");
        }
        work.setCounter(OWN_DEVICE_ID, deviceId);
    }

    /** The seed of this device's credential key, once it has one (the caller wipes the copy). */
    public Optional<byte[]> credentialSeed() {
        return work.read(DEVICE_CREDENTIAL, ProtocolStateStore.SELF);
    }

    public void setCredentialSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        work.put(DEVICE_CREDENTIAL, ProtocolStateStore.SELF, seed);
    }

    /** Forgets this device's credential key (the relay refused it: the identity key still logs in). */
    public void clearCredential() {
        work.delete(DEVICE_CREDENTIAL, ProtocolStateStore.SELF);
    }

    /**
     * A credential key sent to the relay whose acceptance is not known yet ({@code device_credential} unanswered):
     * the next login tries it and keeps it ({@link #confirmPendingCredential}) or forgets it.
     */
    public Optional<byte[]> pendingCredentialSeed() {
        return work.read(DEVICE_CREDENTIAL, PENDING);
    }

    public void setPendingCredentialSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        work.put(DEVICE_CREDENTIAL, PENDING, seed);
    }

    /** The relay took the pending credential key: it becomes this device's credential. */
    public void confirmPendingCredential() {
        Optional<byte[]> seed = pendingCredentialSeed();
        if (seed.isPresent()) {
            setCredentialSeed(seed.get());
            java.util.Arrays.fill(seed.get(), (byte) 0);
            work.delete(DEVICE_CREDENTIAL, PENDING);
        }
    }

    public void clearPendingCredential() {
        work.delete(DEVICE_CREDENTIAL, PENDING);
    }

    private static final String PENDING = "pending";

    /** Whether there is a session with any known device of {@code account} (issue #17: not only device 1's). */
    public boolean hasAnySession(String account) {
        for (int device : of(account)) {
            if (work.containsSession(new DeviceAddress(account, device).session())) {
                return true;
            }
        }
        return false;
    }
}
