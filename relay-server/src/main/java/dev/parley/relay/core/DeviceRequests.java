package dev.parley.relay.core;

import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.crypto.wire.Usernames;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimitExceededException;
import dev.parley.relay.limits.RateLimiter;
import dev.parley.relay.store.Account;
import dev.parley.relay.store.AccountStore;
import dev.parley.relay.store.BlobStore;
import dev.parley.relay.store.Device;
import dev.parley.relay.store.DeviceStore;
import dev.parley.relay.store.KemPreKeys;
import dev.parley.relay.store.Registration;
import dev.parley.relay.store.StoredBlob;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The linked-devices side of the relay protocol (docs/protocol.md, "Linked devices"): a device's own credential,
 * adding and unlinking devices, device lists, per-device bundles and the per-device fan-out of {@code device_send},
 * which is refused with the current list when the sender's list is stale.
 */
final class DeviceRequests {
    /** WebSocket close code for the connection of a device that was just unlinked. */
    static final int CLOSE_UNLINKED = 4002;

    private final AccountStore accounts;
    private final DeviceStore devices;
    private final DeviceDirectory directory;
    private final ChallengeAuthenticator authenticator;
    private final AccountRequests accountRequests;
    private final ConnectionRegistry registry;
    private final BlobStore blobs;
    private final SendRouting routing;
    private final RemoteRouting remote;
    private final RateLimiter limiter;
    private final Clock clock;
    private final RequestAnswers answers;

    DeviceRequests(AccountStore accounts, DeviceDirectory directory, ChallengeAuthenticator authenticator,
                   AccountRequests accountRequests, ConnectionRegistry registry, BlobStore blobs, SendRouting routing,
                   RemoteRouting remote, RateLimiter limiter, Clock clock, RequestAnswers answers) {
        this.remote = remote;
        this.accounts = accounts;
        this.devices = accounts.devices();
        this.directory = directory;
        this.authenticator = authenticator;
        this.accountRequests = accountRequests;
        this.registry = registry;
        this.blobs = blobs;
        this.routing = routing;
        this.limiter = limiter;
        this.clock = clock;
        this.answers = answers;
    }

    static boolean handles(Request request) {
        return request instanceof Request.DeviceCredential || request instanceof Request.DeviceAdd
                || request instanceof Request.DeviceList || request instanceof Request.DeviceFetchBundle
                || request instanceof Request.DeviceSend || request instanceof Request.DeviceUnlink
                || request instanceof Request.DeviceRename;
    }

    /** @return the response, or null when it was (or will be) sent by this class */
    Response handle(ClientConnection connection, long id, Request request)
            throws RequestRejectedException, RateLimitExceededException {
        DeviceConnection device = connection.device();
        if (request instanceof Request.DeviceCredential credential) {
            return credential(device, credential);
        }
        if (request instanceof Request.DeviceAdd add) {
            return add(device, add);
        }
        if (request instanceof Request.DeviceList list) {
            return list(connection, device, list);
        }
        if (request instanceof Request.DeviceFetchBundle fetch) {
            requireCurrent(fetch.username(), fetch.deviceId());
            return accountRequests.fetchBundle(connection, device, fetch.username(), fetch.deviceId());
        }
        if (request instanceof Request.DeviceSend send) {
            return send(connection, id, device, send);
        }
        if (request instanceof Request.DeviceUnlink unlink) {
            unlink(connection, id, device, unlink);
            return null;
        }
        if (request instanceof Request.DeviceRename rename) {
            connection.buckets().check(RateLimit.DIRECTORY_PER_CONNECTION);
            if (!devices.rename(device.account(), device.deviceId(), rename.name())) {
                throw new RequestRejectedException(ErrorCode.UNKNOWN_DEVICE, "this device is no longer linked");
            }
            return new Response.Ok();
        }
        throw new IllegalArgumentException("not a device request");
    }

    /**
     * The answer a plain {@code send}, {@code send_ephemeral} or {@code fetch_bundle} gets when {@code to} has other
     * devices than device 1 alone; null when it has only device 1 (the plain request applies).
     */
    Response.DeviceListStale staleForPlain(String to) {
        return directory.onlyFirst(to) ? null : new Response.DeviceListStale(to, directory.ids(to));
    }

    /**
     * The answer to copies for {@code to}'s devices that do not name exactly its current devices, less the sender's
     * own device when {@code to} is the sender's account: the current list; null when they do.
     */
    Response.DeviceListStale staleFor(DeviceConnection device, String to, List<Request.DeviceCopy> copies) {
        List<Integer> expected = new ArrayList<>(directory.ids(to));
        if (to.equals(device.account())) {
            expected.remove(Integer.valueOf(device.deviceId()));
        }
        Set<Integer> named = new TreeSet<>();
        copies.forEach(c -> named.add(c.deviceId()));
        return named.equals(new TreeSet<>(expected)) ? null : new Response.DeviceListStale(to, expected);
    }

    private Response credential(DeviceConnection device, Request.DeviceCredential credential)
            throws RequestRejectedException {
        Account account = account(device);
        if (Arrays.equals(credential.credentialKey(), account.identityKey())) {
            throw new RequestRejectedException(ErrorCode.INVALID_FIELD, "a credential key must not be the identity key");
        }
        authenticator.verifyCredential(device.account(), device.deviceId(), credential);
        if (!devices.replaceCredential(device.account(), device.deviceId(), credential.credentialKey())) {
            throw new RequestRejectedException(ErrorCode.UNKNOWN_DEVICE, "this device is no longer linked");
        }
        return new Response.Ok();
    }

    private Response add(DeviceConnection device, Request.DeviceAdd add)
            throws RequestRejectedException, RateLimitExceededException {
        limiter.check(RateLimit.UPLOAD_PREKEYS_PER_ACCOUNT, device.account());
        Account account = account(device);
        if (Arrays.equals(add.credentialKey(), account.identityKey())) {
            throw new RequestRejectedException(ErrorCode.INVALID_FIELD, "a credential key must not be the identity key");
        }
        authenticator.verifyDeviceAdd(device.account(), add);
        accountRequests.verifySignedPreKey(account.identityKey(), add.signedPreKey());
        KemPreKeys kemPreKeys = new KemPreKeys(add.lastResortKemPreKey(), add.kemPreKeys());
        accountRequests.verifyKemPreKeys(account.identityKey(), kemPreKeys);
        accountRequests.checkPreKeyCap(0, Math.max(add.oneTimePreKeys().size(), kemPreKeys.oneTime().size()));
        List<Device> current = devices.current(device.account());
        for (Device d : current) {
            if (Arrays.equals(d.credentialKey(), account.identityKey())) {
                throw new RequestRejectedException(ErrorCode.DEVICE_CREDENTIAL_REQUIRED,
                        "device " + d.id() + " still logs in with the identity key: give it a credential key first");
            }
        }
        OptionalInt id = devices.add(device.account(), add.credentialKey(), add.name(), clock.instant(),
                Request.MAX_DEVICES);
        if (id.isEmpty()) {
            throw new RequestRejectedException(ErrorCode.DEVICE_LIMIT,
                    "an account has at most " + Request.MAX_DEVICES + " devices; unlink one first");
        }
        String address = DeviceAddress.of(device.account(), id.getAsInt());
        accounts.delete(address);
        Registration keys = accounts.register(new Account(address, account.identityKey(), add.signedPreKey()),
                add.oneTimePreKeys(), kemPreKeys, null, clock.instant());
        if (keys != Registration.CREATED) {
            devices.unlink(device.account(), id.getAsInt(), clock.instant());
            throw new RequestRejectedException(ErrorCode.INTERNAL_ERROR, "the new device's keys could not be stored");
        }
        directory.changed(device.account());
        return new Response.DeviceAdded(id.getAsInt());
    }

    private Response list(ClientConnection connection, DeviceConnection device, Request.DeviceList list)
            throws RequestRejectedException, RateLimitExceededException {
        connection.buckets().check(RateLimit.DIRECTORY_PER_CONNECTION);
        if (!Usernames.isValid(list.username()) || accounts.find(list.username()).isEmpty()) {
            throw new RequestRejectedException(ErrorCode.UNKNOWN_USER, "no such user");
        }
        boolean own = list.username().equals(device.account());
        List<Response.DeviceInfo> out = new ArrayList<>();
        if (own) {
            for (Device d : devices.current(list.username())) {
                out.add(new Response.DeviceInfo(d.id(), d.name(), d.createdAt().toEpochMilli(),
                        d.lastSeenAt().toEpochMilli()));
            }
        } else {
            for (int deviceId : directory.ids(list.username())) {
                out.add(new Response.DeviceInfo(deviceId, new byte[0], 0, 0));
            }
        }
        return new Response.DeviceListResult(list.username(), out);
    }

    private Response send(ClientConnection connection, long id, DeviceConnection device, Request.DeviceSend send)
            throws RequestRejectedException, RateLimitExceededException {
        connection.buckets().check(RateLimit.SEND_PER_CONNECTION);
        limiter.check(RateLimit.SEND_PER_ADDRESS, connection.sink().remoteAddress());
        if (!Usernames.isValid(send.to()) || accounts.find(send.to()).isEmpty()) {
            throw new RequestRejectedException(ErrorCode.UNKNOWN_USER, "no such user");
        }
        Response stale = staleFor(device, send.to(), send.copies());
        if (stale != null) {
            return stale;
        }
        FanOutReply reply = new FanOutReply(connection, id, send.copies().size());
        try {
            for (Request.DeviceCopy copy : send.copies()) {
                routing.route(device.account(), DeviceAddress.of(send.to(), copy.deviceId()), send.clientMessageId(),
                        copy.blob(), clock.instant(), reply);
            }
        } catch (RateLimitExceededException e) {
            reply.abandon();
            throw e;
        }
        return null;
    }

    private void unlink(ClientConnection connection, long id, DeviceConnection device, Request.DeviceUnlink unlink)
            throws RequestRejectedException {
        switch (devices.unlink(device.account(), unlink.deviceId(), clock.instant())) {
            case UNKNOWN:
                throw new RequestRejectedException(ErrorCode.UNKNOWN_DEVICE, "no such device in this account");
            case LAST:
                throw new RequestRejectedException(ErrorCode.LAST_DEVICE,
                        "an account always keeps one device: this is its only one");
            default:
                break;
        }
        directory.changed(device.account());
        String address = DeviceAddress.of(device.account(), unlink.deviceId());
        if (unlink.deviceId() > 1) {
            // Device 1's keys are the account's own row (its identity key); a gone device 1 is never handed out.
            accounts.delete(address);
        }
        dropQueue(address);
        answers.send(connection, id, new Response.Ok());
        ClientConnection live = registry.find(address);
        if (live != null) {
            live.sink().close(CLOSE_UNLINKED, "device unlinked");
        } else {
            remote.unlinked(address, clock.millis());
        }
    }

    /** Deletes every blob queued for an unlinked device. */
    private void dropQueue(String address) {
        long after = 0;
        while (true) {
            List<StoredBlob> page = blobs.queued(address, after, 500);
            for (StoredBlob blob : page) {
                blobs.delete(address, blob.id());
                after = blob.id();
            }
            if (page.size() < 500) {
                return;
            }
        }
    }

    private void requireCurrent(String username, int deviceId) throws RequestRejectedException {
        if (!Usernames.isValid(username) || !directory.ids(username).contains(deviceId)) {
            throw new RequestRejectedException(ErrorCode.UNKNOWN_DEVICE, "no such device");
        }
    }

    private Account account(DeviceConnection device) throws RequestRejectedException {
        return accounts.find(device.account())
                .orElseThrow(() -> new RequestRejectedException(ErrorCode.UNKNOWN_USER, "account no longer exists"));
    }

    /** Answers a {@code device_send} once every copy is accepted, or at the first copy that failed. */
    private final class FanOutReply implements SendReply {
        private final ClientConnection connection;
        private final long id;
        private int waiting;
        private boolean allDuplicates = true;
        private boolean answered;

        FanOutReply(ClientConnection connection, long id, int copies) {
            this.connection = Objects.requireNonNull(connection);
            this.id = id;
            this.waiting = copies;
        }

        /** A copy could not be routed and the request is rejected: the copies routed before answer nobody. */
        synchronized void abandon() {
            answered = true;
        }

        @Override
        public void accepted(boolean duplicate) {
            boolean done;
            synchronized (this) {
                allDuplicates &= duplicate;
                done = --waiting == 0 && !answered;
                answered |= done;
            }
            if (done) {
                answers.send(connection, id, new Response.SendAccepted(allDuplicates));
            }
        }

        @Override
        public void queueFull() {
            if (first()) {
                answers.reject(connection, id, new RequestRejectedException(ErrorCode.QUEUE_FULL,
                        "a device's queue is full; retry when it has caught up", 60_000));
            }
        }

        @Override
        public void failed(Throwable error) {
            if (first()) {
                answers.failed(connection, id, error);
            }
        }

        private synchronized boolean first() {
            boolean wasOpen = !answered;
            answered = true;
            return wasOpen;
        }
    }
}
